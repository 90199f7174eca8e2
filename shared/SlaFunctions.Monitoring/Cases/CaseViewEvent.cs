namespace SlaFunctions.Monitoring.Cases;

/// <summary>One history entry in a <see cref="CaseView"/>.</summary>
public sealed record CaseViewEvent
{
    /// <summary>When it happened, UTC.</summary>
    public required string At { get; init; }

    /// <summary>agentReply, customerReply, status, severity, workaround, eta, internalNote, group or systemNote.</summary>
    public required string Type { get; init; }

    /// <summary>The new status, for a status event.</summary>
    public string? Status { get; init; }

    /// <summary>The new severity, for a severity event.</summary>
    public string? Severity { get; init; }

    /// <summary>The assignee group that took the case, for a group event; null there when no group holds it.</summary>
    public string? Group { get; init; }

    /// <summary>A note for people, e.g. a priority that mapped to no severity.</summary>
    public string? Note { get; init; }
}
