namespace SlaFunctions.Notices.Templates;

/// <summary>Who reads an email, which decides its template: customers never see internal data.</summary>
public enum Audience
{
    /// <summary>The customer's contact: what the contract promises and where their case stands.</summary>
    Customer,

    /// <summary>Agents, account managers, support management, on-call: the rule, the assignee, who else was told.</summary>
    Internal,
}
