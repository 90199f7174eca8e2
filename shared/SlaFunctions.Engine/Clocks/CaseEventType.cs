namespace SlaFunctions.Engine.Clocks;

/// <summary>What happened on a case.</summary>
public enum CaseEventType
{
    /// <summary>A public reply by an agent.</summary>
    AgentReply,

    /// <summary>A reply by the customer.</summary>
    CustomerReply,

    /// <summary>The status changed; see <see cref="CaseEvent.Status"/>.</summary>
    Status,

    /// <summary>The severity changed; see <see cref="CaseEvent.Severity"/>.</summary>
    Severity,

    /// <summary>A workaround was given.</summary>
    Workaround,

    /// <summary>An ETA for the fix was given.</summary>
    Eta,

    /// <summary>An internal note, not seen by the customer.</summary>
    InternalNote,

    /// <summary>A note the app itself recorded in the history (e.g. a priority that mapped to no severity). No clock
    /// reads it, so it can never meet a target the way an agent's internal note can.</summary>
    SystemNote,

    /// <summary>The assignee group (team) changed; see <see cref="CaseEvent.Group"/>.</summary>
    Group,
}
