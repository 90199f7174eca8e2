namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>Compliance of one customer and target under the loaded policy and under the draft.</summary>
public sealed record WhatIfRow
{
    /// <summary>The customer, as the compliance report names it.</summary>
    public required string Customer { get; init; }

    /// <summary>The target's name.</summary>
    public required string Target { get; init; }

    /// <summary>Under the loaded policy; null when it has no such target.</summary>
    public WhatIfTally? Before { get; init; }

    /// <summary>Under the draft; null when it has no such target.</summary>
    public WhatIfTally? After { get; init; }

    /// <summary>After's percentage less before's, in points, to one decimal; null when either is null.</summary>
    public double? PercentMetChange { get; init; }
}
