using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Storage.Cases;

/// <summary>One target of a case row as last judged: what the board needs to place the case without judging it
/// again.</summary>
public sealed record TargetRecord
{
    /// <summary><c>firstResponse</c>, <c>update</c>, <c>resolution</c>, or a custom target's name.</summary>
    public required string Name { get; init; }

    /// <summary>The calendar its goal is measured on.</summary>
    public required string Calendar { get; init; }

    /// <summary>Its state when judged.</summary>
    public required TargetState State { get; init; }

    /// <summary>Running: its due instant; otherwise null.</summary>
    public Instant? DueAt { get; init; }

    /// <summary>Breached: the due instant that was missed; otherwise null.</summary>
    public Instant? BreachedAt { get; init; }

    /// <summary>Paused: when the pause began; otherwise null.</summary>
    public Instant? PausedSince { get; init; }

    /// <summary>Running: when its run is (or will be) at risk, its first warning point before due; null without one.</summary>
    public Instant? AtRiskAt { get; init; }
}
