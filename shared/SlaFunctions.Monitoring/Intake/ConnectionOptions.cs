namespace SlaFunctions.Monitoring.Intake;

/// <summary>One configured ticket-tool integration (<c>Webhooks:Connections:&lt;name&gt;</c>): which tool, its secrets,
/// the policy that covers its customer, and how its priorities and statuses read.</summary>
public sealed class ConnectionOptions
{
    /// <summary>The tool: zendesk, jira, servicenow, freshdesk, github or cloudevents.</summary>
    public string Source { get; set; } = "";

    /// <summary>Accepted secrets: the current one and, while rotating, the previous one.</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>The id of the policy that covers this connection's customers: all of them, or those that
    /// <see cref="Policies"/> and <see cref="Tiers"/> do not place (the default).</summary>
    public string Policy { get; set; } = "";

    /// <summary>The customer's name, for notices and reports, when the payload names no organisation.</summary>
    public string? Customer { get; set; }

    /// <summary>Customer (the organisation's name or id as the tool sends it) to policy id, e.g. <c>Mercy Heart
    /// Institute</c> → <c>lumedx-premium</c>. Matched ignoring letter case and surrounding whitespace, before
    /// <see cref="Tiers"/>. Optional.</summary>
    public Dictionary<string, string> Policies { get; set; } = [];

    /// <summary>Where the payload carries the customer's tier: a field of the ticket (Zendesk trigger body, ServiceNow,
    /// Freshdesk, Jira <c>fields</c>), a GitHub label prefix such as <c>tier:</c>, or a CloudEvents attribute or
    /// <c>data</c> field. Its value is looked up in <see cref="Tiers"/>. Optional; needed with <see cref="Tiers"/>.</summary>
    public string? TierField { get; set; }

    /// <summary>Tier value (as <see cref="TierField"/> carries it) to policy id, e.g. <c>Premium</c> →
    /// <c>lumedx-premium</c>; matched ignoring letter case and surrounding whitespace. Optional.</summary>
    public Dictionary<string, string> Tiers { get; set; } = [];

    /// <summary>Jira: the issue field that names the customer's organisation (Jira Service Management's Organizations,
    /// e.g. <c>customfield_10002</c>); its first organisation is the customer. Optional.</summary>
    public string? OrganizationField { get; set; }

    /// <summary>The link a customer's notices give to their case, with <c>{id}</c> for the ticket's id (URL-escaped), e.g.
    /// <c>https://help.acme.example/requests/{id}</c>. Without it a customer's email has no link: the ticket URL the
    /// tool sends is the agents' view.</summary>
    public string? CustomerLinkTemplate { get; set; }

    /// <summary>Tool status to engine status (open, pending, onHold, solved, closed), added to the source's defaults.</summary>
    public Dictionary<string, string> Statuses { get; set; } = [];

    /// <summary>Tool priority to severity id or alias, added to matching the policy's aliases.</summary>
    public Dictionary<string, string> Priorities { get; set; } = [];

    /// <summary>When true (the default), a priority in neither <see cref="Priorities"/> nor the tool's defaults is
    /// matched against the policy's severity ids and aliases; when false, it gives no severity (the policy's default).</summary>
    public bool PassUnmappedPriorities { get; set; } = true;

    /// <summary>GitHub: label prefixes that carry a priority (e.g. <c>severity:</c>); empty keeps the adapter's defaults.</summary>
    public List<string> SeverityLabelPrefixes { get; set; } = [];

    /// <summary>Jira and GitHub: accounts that are agents (Jira account id, name or email; GitHub login). Empty lets the
    /// tool's own signals decide.</summary>
    public List<string> AgentAccounts { get; set; } = [];

    /// <summary>Jira: the issue fields, by the name a changelog gives them, whose value is the assignee group (team) that
    /// holds the issue, e.g. <c>Assignment group</c>; empty keeps the adapter's default (<c>Team</c>).</summary>
    public List<string> GroupFields { get; set; } = [];

    /// <summary>GitHub: the label prefix whose labels name the assignee group (team), e.g. <c>squad/</c>; null keeps the
    /// adapter's default (<c>team:</c>).</summary>
    public string? GroupLabelPrefix { get; set; }

    /// <summary>A ticket link for payloads that carry none, with <c>{id}</c> for the ticket id; absolute http(s). Optional.</summary>
    public string? TicketUrlTemplate { get; set; }

    /// <summary>How deliveries prove who sent them: <c>hmac</c> (the default: the tool's own signature; Freshdesk, which
    /// cannot sign, sends its secret in a header), <c>header</c> (the secret in <see cref="SecretHeader"/>, for Jira
    /// automation's "Send web request") or <c>basic</c> (HTTP Basic with <see cref="User"/> and the secret as password,
    /// Freshdesk's "Requires authentication"). The last two are weaker: no body integrity and no replay window.</summary>
    public string Scheme { get; set; } = ConnectionSchemes.Hmac;

    /// <summary>For <c>header</c>: the header carrying the secret. Defaults to <c>X-Sla-Secret</c>.</summary>
    public string? SecretHeader { get; set; }

    /// <summary>For <c>basic</c>: the user name the tool sends. Required there.</summary>
    public string? User { get; set; }
}
