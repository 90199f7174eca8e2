namespace SlaFunctions.Hosting;

/// <summary>One configured ticket-tool integration (<c>Webhooks:Connections:&lt;name&gt;</c>): which tool, its secrets,
/// the policy that covers its customer, and how its priorities and statuses read.</summary>
public sealed class ConnectionOptions
{
    /// <summary>The tool: zendesk, jira, servicenow, freshdesk, github or cloudevents.</summary>
    public string Source { get; set; } = "";

    /// <summary>Accepted secrets: the current one and, while rotating, the previous one.</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>The id of the policy that covers this connection's customer.</summary>
    public string Policy { get; set; } = "";

    /// <summary>The customer's name, for notices and reports.</summary>
    public string? Customer { get; set; }

    /// <summary>The link a customer's notices give to their case, with <c>{id}</c> for the ticket's id (URL-escaped), e.g.
    /// <c>https://help.acme.example/requests/{id}</c>. Without it a customer's email has no link: the ticket URL the
    /// tool sends is the agents' view.</summary>
    public string? CustomerLinkTemplate { get; set; }

    /// <summary>Tool status to engine status (open, pending, onHold, solved, closed), added to the source's defaults.</summary>
    public Dictionary<string, string> Statuses { get; set; } = [];

    /// <summary>Tool priority to severity id or alias, added to matching the policy's aliases.</summary>
    public Dictionary<string, string> Priorities { get; set; } = [];
}
