namespace SlaFunctions.Monitoring.Reports;

/// <summary>One target of one policy (and group) in a compliance report.</summary>
public sealed record ComplianceRow
{
    /// <summary>The policy.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The severity id or customer grouped by; empty when grouped by target only.</summary>
    public required string Group { get; init; }

    /// <summary>The target's name.</summary>
    public required string Target { get; init; }

    /// <summary>Cases counted that have this target.</summary>
    public required int Cases { get; init; }

    /// <summary>Met on time.</summary>
    public required int Met { get; init; }

    /// <summary>Breached (including met late).</summary>
    public required int Breached { get; init; }

    /// <summary>Not decided yet (running, paused, not started) or stopped (e.g. solved before any reply): in neither
    /// count nor the percentage.</summary>
    public required int Pending { get; init; }

    /// <summary>Met / (met + breached) × 100, to one decimal; null when none is decided.</summary>
    public double? PercentMet { get; init; }

    /// <summary>firstResponse and resolution only: the median open time to meet it (late ones included), ISO-8601.</summary>
    public string? MedianOpenTime { get; init; }

    /// <summary>The same, 90th percentile.</summary>
    public string? P90OpenTime { get; init; }

    /// <summary>How many times the median and 90th percentile are taken over.</summary>
    public int Timed { get; init; }
}
