using NodaTime;

namespace SlaFunctions.Engine.Escalations;

/// <summary>The <c>at</c> of an escalation rule.</summary>
public sealed record EscalationTrigger
{
    /// <summary>What kind of moment.</summary>
    public required EscalationTriggerKind Kind { get; init; }

    /// <summary>For <see cref="EscalationTriggerKind.Percent"/>: the share of the goal, above 0 (may exceed 100).</summary>
    public double Percent { get; init; }

    /// <summary>For <see cref="EscalationTriggerKind.Before"/>, <see cref="EscalationTriggerKind.After"/> and
    /// <see cref="EscalationTriggerKind.Elapsed"/>: the open time.</summary>
    public Duration Offset { get; init; }

    /// <summary>True for a warning: a share of the goal, a lead before due or a threshold of open time, each of which
    /// tells of a target still to be met rather than of one missed.</summary>
    public bool IsWarning => Kind is EscalationTriggerKind.Percent or EscalationTriggerKind.Before or EscalationTriggerKind.Elapsed;

    /// <summary>Where the trigger sits on a clock whose goal is <paramref name="goal"/>, in open time used; null for an
    /// event trigger.</summary>
    public Duration? PositionOn(Duration goal) => Kind switch
    {
        EscalationTriggerKind.Percent => Duration.FromTicks((long)Math.Round(goal.BclCompatibleTicks * Percent / 100.0)),
        EscalationTriggerKind.Before => Offset >= goal ? Duration.Zero : goal - Offset,
        EscalationTriggerKind.Breach => goal,
        EscalationTriggerKind.After => goal + Offset,
        EscalationTriggerKind.Elapsed => Offset,
        _ => null,
    };
}
