using NodaTime;

namespace SlaFunctions.Engine.Escalations;

/// <summary>A moment at which an escalation rule fires for a case.</summary>
/// <remarks>Identified by (case, <see cref="Target"/>, <see cref="RuleId"/>, <see cref="Occurrence"/>): the same point
/// computed again, by another sweep or after a replay of the history, has the same identity.</remarks>
public sealed record EscalationPoint
{
    /// <summary>The rule's id.</summary>
    public required string RuleId { get; init; }

    /// <summary>The target whose clock the point is on; the rule's id again for an event rule with no target.</summary>
    public required string Target { get; init; }

    /// <summary>Which firing of the rule: for an update target, <c>cycle * 1000 + repeat</c>; for an event rule, the
    /// how-many-th time the case entered a matching severity; otherwise the repeat number from 0.</summary>
    public required int Occurrence { get; init; }

    /// <summary>When the point comes due.</summary>
    public required Instant At { get; init; }

    /// <summary>What kind of moment it is.</summary>
    public required EscalationTriggerKind Kind { get; init; }

    /// <summary>Who is told.</summary>
    public required IReadOnlyList<Recipient> Notify { get; init; }
}
