namespace SlaFunctions.Engine.Clocks;

/// <summary>A ticket's status as the engine sees it, whatever the ticket tool calls it.</summary>
public enum CaseStatus
{
    /// <summary>Being worked on.</summary>
    Open,

    /// <summary>Waiting on the customer.</summary>
    Pending,

    /// <summary>Waiting on a third party; pauses only where the policy lists it.</summary>
    OnHold,

    /// <summary>Solved; reopening resumes the clocks.</summary>
    Solved,

    /// <summary>Closed for good.</summary>
    Closed,
}
