using NodaTime;

namespace SlaFunctions.Engine.Clocks;

/// <summary>One thing that happened on a case, placed by its own timestamp.</summary>
public sealed record CaseEvent
{
    /// <summary>When it happened (not when it was delivered).</summary>
    public required Instant At { get; init; }

    /// <summary>What happened.</summary>
    public required CaseEventType Type { get; init; }

    /// <summary>The new status, for <see cref="CaseEventType.Status"/>; otherwise null.</summary>
    public CaseStatus? Status { get; init; }

    /// <summary>The new severity id or alias, for <see cref="CaseEventType.Severity"/>; otherwise null.</summary>
    public string? Severity { get; init; }

    /// <summary>The assignee group that now holds the case, for <see cref="CaseEventType.Group"/>; null or empty when
    /// no group holds it; otherwise null.</summary>
    public string? Group { get; init; }

    /// <summary>The case moved to group <paramref name="group"/> (null or empty: to no group) at <paramref name="at"/>.</summary>
    public static CaseEvent GroupChange(Instant at, string? group) => new() { At = at, Type = CaseEventType.Group, Group = group };

    /// <summary>A public agent reply at <paramref name="at"/>.</summary>
    public static CaseEvent AgentReply(Instant at) => new() { At = at, Type = CaseEventType.AgentReply };

    /// <summary>A customer reply at <paramref name="at"/>.</summary>
    public static CaseEvent CustomerReply(Instant at) => new() { At = at, Type = CaseEventType.CustomerReply };

    /// <summary>A status change at <paramref name="at"/>.</summary>
    public static CaseEvent StatusChange(Instant at, CaseStatus status) => new() { At = at, Type = CaseEventType.Status, Status = status };

    /// <summary>A severity change at <paramref name="at"/>.</summary>
    public static CaseEvent SeverityChange(Instant at, string severity) => new() { At = at, Type = CaseEventType.Severity, Severity = severity };
}
