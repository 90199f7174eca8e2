namespace SlaFunctions.Notices.Templates;

/// <summary>Who reads an email, and so which template renders it and which facts it may show.</summary>
public enum Audience
{
    /// <summary>The customer's contact: the case, the target and what the contract promises, never internal data
    /// (assignee, rule ids, who else is told, escalation wording).</summary>
    Customer,

    /// <summary>The support team (assignee, on-call, account manager, support management): everything the notice
    /// carries.</summary>
    Internal,
}
