using NodaTime;

namespace SlaFunctions.Engine.Escalations;

/// <summary>"When X on target T of these severities, tell these people, and again every so often."</summary>
public sealed record EscalationRule
{
    /// <summary>Stable id, part of every notice's identity.</summary>
    public required string Id { get; init; }

    /// <summary>The target whose clock the rule watches; null for an event rule.</summary>
    public string? Target { get; init; }

    /// <summary>Severity ids the rule applies to; empty means all.</summary>
    public IReadOnlySet<string> Severities { get; init; } = new HashSet<string>();

    /// <summary>Where it fires.</summary>
    public required EscalationTrigger At { get; init; }

    /// <summary>Open time between repeats until the target is met or stopped; null fires once.</summary>
    public Duration? Every { get; init; }

    /// <summary>Who is told.</summary>
    public required IReadOnlyList<Recipient> Notify { get; init; }

    /// <summary>True when the rule covers severity <paramref name="severityId"/>.</summary>
    public bool AppliesTo(string severityId) => Severities.Count == 0 || Severities.Contains(severityId);
}
