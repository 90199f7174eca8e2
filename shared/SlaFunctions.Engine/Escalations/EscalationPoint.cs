using NodaTime;

namespace SlaFunctions.Engine.Escalations;

/// <summary>A moment at which an escalation rule fires for a case.</summary>
/// <remarks>Identified by (case, <see cref="Key"/>): target, rule, the cycle it belongs to and which firing. The same
/// point computed again, by another sweep or after a late webhook is replayed into the history, has the same key, so
/// its notice is never sent twice.</remarks>
public sealed record EscalationPoint
{
    /// <summary>The rule's id.</summary>
    public required string RuleId { get; init; }

    /// <summary>The target whose clock the point is on; the rule's id again for an event rule with no target.</summary>
    public required string Target { get; init; }

    /// <summary>Which firing of the rule: the repeat number from 0 on its clock (for the update cadence, within its
    /// cycle); for an event rule, the how-many-th time the case entered one of the rule's severities, from 0.</summary>
    public required int Occurrence { get; init; }

    /// <summary>For the update cadence, when the cycle the point belongs to started (a cycle is named by its start,
    /// which a late reply before it does not change); otherwise null.</summary>
    public Instant? CycleStartedAt { get; init; }

    /// <summary>The point's identity within its case: <c>target/rule/occurrence</c>, with the cycle's start in Unix
    /// seconds before the occurrence for the update cadence (<c>update/update-missed/1772460000/0</c>).</summary>
    public string Key => CycleStartedAt is { } cycle
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Target}/{RuleId}/{cycle.ToUnixTimeSeconds()}/{Occurrence}")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Target}/{RuleId}/{Occurrence}");

    /// <summary>When the point comes due.</summary>
    public required Instant At { get; init; }

    /// <summary>What kind of moment it is.</summary>
    public required EscalationTriggerKind Kind { get; init; }

    /// <summary>Who is told.</summary>
    public required IReadOnlyList<Recipient> Notify { get; init; }
}
