namespace SlaFunctions.Engine.Escalations;

/// <summary>People a notice can go to, resolved per case and from configuration.</summary>
public enum RecipientRole
{
    /// <summary>The case's customer contact.</summary>
    Customer,

    /// <summary>The agent the case is assigned to.</summary>
    Assignee,

    /// <summary>The customer's account manager.</summary>
    AccountManager,

    /// <summary>The support management list.</summary>
    SupportManagement,

    /// <summary>The on-call list.</summary>
    OnCall,
}
