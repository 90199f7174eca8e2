namespace SlaFunctions.Engine.Contracts;

/// <summary>Something that happens on a case and can meet a custom target or stop an update cadence.</summary>
public enum Milestone
{
    /// <summary>A public reply by an agent.</summary>
    AgentReply,

    /// <summary>A reply by the customer.</summary>
    CustomerReply,

    /// <summary>A workaround was given.</summary>
    Workaround,

    /// <summary>An estimate of when the fix comes was given.</summary>
    Eta,

    /// <summary>An internal note (not seen by the customer), e.g. "account management notified".</summary>
    InternalNote,

    /// <summary>The case was solved or closed.</summary>
    Solved,
}
