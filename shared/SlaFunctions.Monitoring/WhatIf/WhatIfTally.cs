namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>A target's counts for one customer under one policy.</summary>
public sealed record WhatIfTally
{
    /// <summary>Cases that have the target.</summary>
    public required int Cases { get; init; }

    /// <summary>Met on time.</summary>
    public required int Met { get; init; }

    /// <summary>Breached (late included).</summary>
    public required int Breached { get; init; }

    /// <summary>Not decided yet.</summary>
    public required int Pending { get; init; }

    /// <summary>Met / (met + breached) × 100, to one decimal; null when none is decided.</summary>
    public double? PercentMet { get; init; }
}
