using System.Globalization;
using NodaTime;

namespace SlaFunctions.Engine.Escalations;

/// <summary>A moment at which an escalation rule fires for a case.</summary>
/// <remarks>Identified by (case, <see cref="Key"/>): target, rule, the run it belongs to and which firing. The same
/// point computed again, by another sweep or after a late webhook is replayed into the history, has the same key, so
/// its notice is never sent twice.</remarks>
public sealed record EscalationPoint
{
    /// <summary>The rule's id.</summary>
    public required string RuleId { get; init; }

    /// <summary>The target whose clock the point is on; the rule's id again for an event rule with no target.</summary>
    public required string Target { get; init; }

    /// <summary>Which firing of the rule within its run: the repeat number from 0 on the run's clock; 0 for an event
    /// rule.</summary>
    public required int Occurrence { get; init; }

    /// <summary>When the run the point belongs to started: the run of the target's clock (a second pending spell, a
    /// clock restarted by a severity change and each update cycle are runs of their own), or for an event rule the
    /// instant the case entered the severity. A run is named by its start, which a late event before it does not
    /// change.</summary>
    public required Instant RunStartedAt { get; init; }

    /// <summary>The point's identity within its case: <c>target/rule/runStart/occurrence</c>, the run's start in Unix
    /// seconds (<c>firstResponse/fr-breach/1772460000/0</c>), so each run's notices are its own (spec: notice
    /// identity).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Target}/{RuleId}/{RunStartedAt.ToUnixTimeSeconds()}/{Occurrence}");

    /// <summary>The key builds before 2026-12 gave the same point, where it differs: <c>target/rule/occurrence</c>
    /// for a point on a target's first run, or an event rule's firing counted among the case's entries into the
    /// rule's severities. A notice mark stored under it counts as this point's.</summary>
    public string? LegacyKey { get; init; }

    /// <summary>True when <paramref name="noticed"/> holds this point's key, or its legacy key.</summary>
    public bool IsNoticedIn(IReadOnlySet<string> noticed)
    {
        ArgumentNullException.ThrowIfNull(noticed);
        return noticed.Contains(Key) || (LegacyKey is { } legacy && noticed.Contains(legacy));
    }

    /// <summary>When the point comes due.</summary>
    public required Instant At { get; init; }

    /// <summary>What kind of moment it is.</summary>
    public required EscalationTriggerKind Kind { get; init; }

    /// <summary>Who is told.</summary>
    public required IReadOnlyList<Recipient> Notify { get; init; }
}
