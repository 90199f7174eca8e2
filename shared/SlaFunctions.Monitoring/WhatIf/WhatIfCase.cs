namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>One stored case the draft judges differently.</summary>
public sealed record WhatIfCase
{
    /// <summary>The connection the case came through.</summary>
    public required string Connection { get; init; }

    /// <summary>The ticket's id in its tool.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The case's customer, as the compliance report names it.</summary>
    public required string Customer { get; init; }

    /// <summary>When the case opened, UTC.</summary>
    public required string OpenedAt { get; init; }

    /// <summary>Targets whose verdict differs.</summary>
    public required IReadOnlyList<WhatIfVerdict> Verdicts { get; init; }

    /// <summary>Notices from the opening to the report's <c>asOf</c> the draft adds.</summary>
    public required IReadOnlyList<WhatIfNotice> NoticesAdded { get; init; }

    /// <summary>Notices the draft no longer gives.</summary>
    public required IReadOnlyList<WhatIfNotice> NoticesRemoved { get; init; }
}
