namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>The stored cases of a period replayed under a draft policy: what it would have changed.</summary>
public sealed record WhatIfReport
{
    /// <summary>The policy id the draft stands in for.</summary>
    public required string Policy { get; init; }

    /// <summary>Cases opened at or after this instant were replayed, UTC.</summary>
    public required string From { get; init; }

    /// <summary>Cases opened before this instant were replayed, UTC.</summary>
    public required string To { get; init; }

    /// <summary>The instant both policies judge every case at (the server's now), UTC.</summary>
    public required string AsOf { get; init; }

    /// <summary>Cases replayed.</summary>
    public required int Cases { get; init; }

    /// <summary>Cases with at least one verdict flipped between met and breached.</summary>
    public required int Flipped { get; init; }

    /// <summary>Cases the draft judges differently in any way (a verdict or a notice).</summary>
    public required int Changed { get; init; }

    /// <summary>The changed cases, flipped ones first, then by opening; at most <see cref="WhatIfReplay.MaxListed"/>.</summary>
    public required IReadOnlyList<WhatIfCase> Changes { get; init; }

    /// <summary>Compliance per customer and target, before and after, sorted by customer and the draft's target order.</summary>
    public required IReadOnlyList<WhatIfRow> Compliance { get; init; }
}
