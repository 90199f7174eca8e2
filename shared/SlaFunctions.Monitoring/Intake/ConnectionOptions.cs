namespace SlaFunctions.Monitoring.Intake;

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

    /// <summary>Tool status to engine status (open, pending, onHold, solved, closed), added to the source's defaults.</summary>
    public Dictionary<string, string> Statuses { get; set; } = [];

    /// <summary>Tool priority to severity id or alias, added to matching the policy's aliases.</summary>
    public Dictionary<string, string> Priorities { get; set; } = [];
}
