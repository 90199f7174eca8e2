using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Webhooks;

/// <summary>How one connection's ticket tool words map to ours: statuses, priorities, agents and links.</summary>
/// <remarks>Each adapter has defaults for its tool (listed in its docs); entries here are consulted first and override
/// them. Keys are matched case-insensitively and after trimming. Immutable once built.</remarks>
public sealed record ConnectionMapping
{
    /// <summary>A mapping that adds nothing to the adapters' defaults.</summary>
    public static ConnectionMapping Default { get; } = new();

    /// <summary>Tool status (label or code, e.g. <c>Waiting for customer</c>, <c>3</c>, a ServiceNow hold reason) to
    /// case status. Optional.</summary>
    public IReadOnlyDictionary<string, CaseStatus> Statuses { get; init; } = new Dictionary<string, CaseStatus>();

    /// <summary>Tool priority to severity id or alias, e.g. <c>Urgent</c> → <c>1</c>. An empty value means "no severity".
    /// Optional.</summary>
    public IReadOnlyDictionary<string, string> Priorities { get; init; } = new Dictionary<string, string>();

    /// <summary>What a priority found in neither <see cref="Priorities"/> nor the adapter's defaults becomes: when true
    /// (the default), the raw priority itself, for the policy to match against severity ids and aliases; when false, no
    /// severity, with a note on the update.</summary>
    public bool PassUnmappedPriorities { get; init; } = true;

    /// <summary>GitHub: label prefixes that carry a priority, e.g. <c>severity:</c> makes <c>severity:1</c> priority
    /// <c>1</c>. Matched case-insensitively, in order. Defaults to <c>severity:</c>, <c>severity/</c>, <c>priority:</c>,
    /// <c>priority/</c> and <c>sev</c> (for <c>sev1</c>).</summary>
    public IReadOnlyList<string> SeverityLabelPrefixes { get; init; } = ["severity:", "severity/", "priority:", "priority/", "sev"];

    /// <summary>Jira and GitHub: accounts (Jira account id, user name or email; GitHub login) that are agents. When
    /// empty, agents are told apart by the tool's own signals (Jira account type and reporter, GitHub author
    /// association). Matched case-insensitively.</summary>
    public IReadOnlySet<string> AgentAccounts { get; init; } = new HashSet<string>();

    /// <summary>Jira: the issue fields, by the name a changelog gives them (any case), whose value is the assignee group
    /// that holds the issue, for team targets. Default <c>Team</c>, Jira's own team field; JSM sites often add a field
    /// such as <c>Assignment group</c>.</summary>
    public IReadOnlyList<string> GroupFields { get; init; } = ["Team"];

    /// <summary>GitHub: the label prefix whose labels name the assignee group (team), matched case-insensitively;
    /// <c>team: Level 2</c> is group <c>Level 2</c>. Default <c>team:</c>.</summary>
    public string GroupLabelPrefix { get; init; } = "team:";

    /// <summary>Where the payload carries the customer's tier, or null for nowhere: a field of the ticket (Zendesk
    /// trigger <c>ticket</c>, ServiceNow body, Freshdesk <c>ticket</c>, Jira <c>issue.fields</c>; a dotted path reaches
    /// into an object), a GitHub label prefix (<c>tier:</c> makes <c>tier: Premium</c> tier <c>Premium</c>), or a
    /// CloudEvents extension attribute, else a <c>data</c> field. Read into <see cref="CaseUpdate.Tier"/>.</summary>
    public string? TierField { get; init; }

    /// <summary>Jira: the issue field naming the customer's organisation (Jira Service Management's Organizations, e.g.
    /// <c>customfield_10002</c>), read into <see cref="CaseUpdate.Organization"/>; null for none.</summary>
    public string? OrganizationField { get; init; }

    /// <summary>A link to a ticket for sources whose payload has none (Zendesk event subscriptions), with <c>{id}</c>
    /// standing for the external id, e.g. <c>https://acme.zendesk.com/agent/tickets/{id}</c>. Null for no link.</summary>
    public string? TicketUrlTemplate { get; init; }

    /// <summary>The link <see cref="TicketUrlTemplate"/> gives for <paramref name="externalId"/>, or null without a template.</summary>
    public string? TicketUrl(string externalId) =>
        TicketUrlTemplate is null ? null : LinkTemplate.Fill(TicketUrlTemplate, externalId);
}
