using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Clocks;

/// <summary>One target of a case as of an instant.</summary>
public sealed record TargetStatus
{
    /// <summary>The target's name.</summary>
    public required string Name { get; init; }

    /// <summary>The target as defined by the severity used to judge it.</summary>
    public required Target Target { get; init; }

    /// <summary>Its state.</summary>
    public required TargetState State { get; init; }

    /// <summary>When its clock (for update, the current cycle) started; null when not started.</summary>
    public Instant? StartedAt { get; init; }

    /// <summary>The current due instant; null when not started, paused or stopped.</summary>
    public Instant? DueAt { get; init; }

    /// <summary>When it was met (also set for a late, breaching reply); otherwise null.</summary>
    public Instant? MetAt { get; init; }

    /// <summary>The due instant that was missed, when breached; otherwise null.</summary>
    public Instant? BreachedAt { get; init; }

    /// <summary>Open time left until <see cref="DueAt"/> when running; otherwise null.</summary>
    public Duration? Remaining { get; init; }

    /// <summary>When the current pause began, when paused; otherwise null.</summary>
    public Instant? PausedSince { get; init; }

    /// <summary>The clock runs behind this status, one per cycle, for placing escalation points.</summary>
    internal IReadOnlyList<ClockCycle> Cycles { get; init; } = [];
}
