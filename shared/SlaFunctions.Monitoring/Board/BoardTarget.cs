using NodaTime;

namespace SlaFunctions.Monitoring.Board;

/// <summary>One target of a case row as last evaluated, with its instants read back from the stored JSON.</summary>
internal sealed record BoardTarget
{
    public required string Name { get; init; }

    public required string Calendar { get; init; }

    public required string State { get; init; }

    public Instant? DueAt { get; init; }

    public Instant? BreachedAt { get; init; }

    public Instant? PausedSince { get; init; }

    /// <summary>Running: when its run is (or will be) at risk, its first warning point; null without one.</summary>
    public Instant? AtRiskAt { get; init; }
}
