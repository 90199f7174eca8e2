using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.Jira;

/// <summary>Jira Cloud and Jira Service Management admin webhooks, kind <c>jira</c>.</summary>
/// <remarks>
/// <para><b>Events read</b>: <c>jira:issue_created</c> (the opening; its status when not open, placed at
/// <c>fields.created</c>), <c>jira:issue_updated</c> (each <c>changelog.items[]</c> entry for <c>status</c> or
/// <c>priority</c>, plus the top-level <c>comment</c> older Jira versions put there) and <c>comment_created</c>. Other
/// events, <c>jira:issue_deleted</c> among them, are ignored. An update with neither (an assignment) is accepted with no
/// events, for its fields.</para>
/// <para><b>Times</b>: changes are placed at the body's <c>timestamp</c> (epoch ms, the instant of the event, and
/// signed), else at <c>fields.updated</c>; a comment at its own <c>created</c>. Field times are written like
/// <c>2026-01-05T09:12:44.120+0100</c>, an offset without a colon that varies with the user and with DST, so they
/// are read as strings (see <see cref="WebhookTime"/>).</para>
/// <para><b>Comments</b>: <c>jsdPublic: false</c> is an internal note by an agent. The author is an agent when listed in
/// <see cref="ConnectionMapping.AgentAccounts"/> (account id, name or email); without that list, when the author is
/// not the reporter and not a portal <c>customer</c> account.</para>
/// <para><b>Statuses</b>: the connection's map, then these defaults: To Do, Open, Backlog, In Progress, Waiting for
/// support, Escalated → open; Waiting for customer, Pending → pending; On Hold → onHold; Resolved, Done → solved;
/// Closed, Canceled, Cancelled → closed; then the status category (<c>new</c> and <c>indeterminate</c> → open,
/// <c>done</c> → solved), noted on the case so an admin sees which custom status was counted how; a status with
/// neither leaves the case's status as it was, noted, and the rest of the delivery applies. A move out of a done
/// status is a reopening. Priorities pass through by name.</para>
/// <para><b>Delivery id</b>: <c>X-Atlassian-Webhook-Identifier</c>, the same on every retry; else the body's hash.</para>
/// </remarks>
public sealed class JiraAdapter : IWebhookAdapter
{
    /// <summary>The delivery id header.</summary>
    public const string DeliveryHeader = "X-Atlassian-Webhook-Identifier";

    internal static readonly IReadOnlyDictionary<string, CaseStatus> DefaultStatuses = new Dictionary<string, CaseStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["To Do"] = CaseStatus.Open,
        ["Open"] = CaseStatus.Open,
        ["Backlog"] = CaseStatus.Open,
        ["In Progress"] = CaseStatus.Open,
        ["Waiting for support"] = CaseStatus.Open,
        ["Escalated"] = CaseStatus.Open,
        ["Waiting for customer"] = CaseStatus.Pending,
        ["Pending"] = CaseStatus.Pending,
        ["On Hold"] = CaseStatus.OnHold,
        ["Resolved"] = CaseStatus.Solved,
        ["Done"] = CaseStatus.Solved,
        ["Closed"] = CaseStatus.Closed,
        ["Canceled"] = CaseStatus.Closed,
        ["Cancelled"] = CaseStatus.Closed,
    };

    private static readonly Dictionary<string, CaseStatus> Categories = new Dictionary<string, CaseStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["new"] = CaseStatus.Open,
        ["indeterminate"] = CaseStatus.Open,
        ["done"] = CaseStatus.Solved,
    };

    /// <summary>Creates the adapter. A signed <c>timestamp</c> more than 24 hours old or 5 minutes ahead of
    /// <paramref name="clock"/> is stale: Jira retries for about 30 minutes, and a late retry must still get in.</summary>
    public JiraAdapter(IClock clock) =>
        Signature = new JiraSignatureScheme(new ReplayWindow(clock, Duration.FromHours(24), Duration.FromMinutes(5)));

    /// <inheritdoc />
    public string Kind => "jira";

    /// <inheritdoc />
    public ISignatureScheme Signature { get; }

    /// <inheritdoc />
    public WebhookParseResult Parse(WebhookRequest request, ConnectionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mapping);
        var vocabulary = new ToolVocabulary(mapping, DefaultStatuses);
        return PayloadReader.Read(request.Body, body => Read(body, request, vocabulary));
    }

    private static WebhookParseResult? Read(PayloadReader body, WebhookRequest request, ToolVocabulary vocabulary)
    {
        var name = body.String("webhookEvent", required: true);
        if (name is null)
        {
            return null;
        }
        if (name is not ("jira:issue_created" or "jira:issue_updated" or "comment_created"))
        {
            return WebhookParseResult.Ignored($"Jira event '{name}' is not tracked.");
        }
        var issue = body.Object("issue", required: true);
        var fields = issue?.Object("fields", required: true);
        if (issue is null || fields is null)
        {
            return null;
        }
        var key = issue.Id("key");
        var created = fields.Time("created", required: name == "jira:issue_created");
        var updated = fields.Time("updated");
        var at = body.UnixMilliseconds("timestamp") ?? updated;
        var priority = fields.String("priority.name");
        var events = new UpdateEvents(vocabulary);
        var severity = events.SeverityOf(priority, noteIfNone: name == "jira:issue_created");
        if (name == "jira:issue_created")
        {
            var status = StatusOf(fields, events);
            if (status is not CaseStatus.Open)
            {
                events.StatusChange(created, status);
            }
        }
        var changes = body.Object("changelog")?.Items("items") ?? [];
        var groupFields = vocabulary.Mapping.GroupFields;
        if (at is null && changes.Any(item => item.String("field") is { } field && (field is "status" or "priority" || IsGroupField(field, groupFields))))
        {
            body.Problem("timestamp", "is required to place the change in time (or send issue.fields.updated).");
        }
        foreach (var item in changes)
        {
            AddChange(item, fields, at, events, groupFields);
        }
        if (body.Object("comment") is { } comment)
        {
            AddComment(comment, fields, events, vocabulary.Mapping);
        }
        if (body.HasProblems)
        {
            return null;
        }
        return WebhookParseResult.Accepted(new CaseUpdate
        {
            Source = "jira",
            ExternalId = key!,
            DeliveryId = DeliveryId.FromHeader(request, DeliveryHeader),
            Opened = name == "jira:issue_created",
            OpenedAt = created,
            UpdatedAt = updated,
            Title = fields.String("summary"),
            Url = BrowseUrl(issue.String("self"), key!) ?? vocabulary.Mapping.TicketUrl(key!),
            Assignee = UserOf(fields.Object("assignee")),
            Requester = UserOf(fields.Object("reporter")),
            Organization = FieldText.Of(fields, vocabulary.Mapping.OrganizationField),
            Tier = FieldText.Of(fields, vocabulary.Mapping.TierField),
            Priority = priority,
            Severity = severity,
            Events = events.Events,
            Notes = events.Notes,
            Unmapped = events.Unmapped,
        });
    }

    private static void AddChange(PayloadReader item, PayloadReader fields, Instant? at, UpdateEvents events, IReadOnlyList<string> groupFields)
    {
        var field = item.String("field");
        if (field is not null && IsGroupField(field, groupFields))
        {
            // Team targets: the group the issue moved to; an empty toString means it left every group.
            events.GroupChange(at, present: true, item.String("toString"));
            return;
        }
        switch (field)
        {
            case "status":
                var to = item.String("toString", required: true);
                // fields.status already shows the new status, with the category to fall back on for custom names.
                var status = to is not null && to == fields.String("status.name") ? StatusOf(fields, events)
                    : events.StatusOf(to);
                events.StatusChange(at, status);
                break;
            case "priority":
                events.SeverityChange(at, item.String("toString"));
                break;
        }
    }

    private static bool IsGroupField(string field, IReadOnlyList<string> groupFields) =>
        groupFields.Contains(field, StringComparer.OrdinalIgnoreCase);

    // The connection's map and the defaults first; then the status category, which every Jira status has, noted on
    // the case so an admin sees which custom status was counted as open; without a category, noted and left unchanged.
    private static CaseStatus? StatusOf(PayloadReader fields, UpdateEvents events)
    {
        var name = fields.String("status.name", required: true);
        var category = fields.String("status.statusCategory.key");
        if (name is null || category is null || !Categories.TryGetValue(category, out var byCategory))
        {
            return events.StatusOf(name);
        }
        if (events.StatusOf(name, noteIfUnmapped: false) is { } status)
        {
            return status;
        }
        events.StatusByCategory(name, category, byCategory);
        return byCategory;
    }

    private static void AddComment(PayloadReader comment, PayloadReader fields, UpdateEvents events, ConnectionMapping mapping)
    {
        var at = comment.Time("created", required: true);
        var author = comment.Object("author", required: true);
        if (author is null)
        {
            return;
        }
        var internalNote = comment.Bool("jsdPublic") is false;
        events.Add(at, IsAgent(author, fields.Object("reporter"), mapping)
            ? (internalNote ? CaseEventType.InternalNote : CaseEventType.AgentReply)
            : CaseEventType.CustomerReply);
    }

    private static bool IsAgent(PayloadReader author, PayloadReader? reporter, ConnectionMapping mapping)
    {
        var ids = new[] { author.String("accountId"), author.String("name"), author.String("key"), author.String("emailAddress") }.OfType<string>();
        if (mapping.AgentAccounts.Count > 0)
        {
            return ids.Any(id => mapping.AgentAccounts.Contains(id, StringComparer.OrdinalIgnoreCase));
        }
        if (string.Equals(author.String("accountType"), "customer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var reporterIds = new[] { reporter?.String("accountId"), reporter?.String("name") }.OfType<string>();
        return !ids.Intersect(reporterIds, StringComparer.Ordinal).Any();
    }

    private static string? UserOf(PayloadReader? user) =>
        user is null ? null : user.String("emailAddress") ?? user.String("accountId") ?? user.String("name");

    // issue.self is the REST link (https://acme.atlassian.net/rest/api/2/issue/10042); people want /browse/SUP-42.
    private static string? BrowseUrl(string? self, string key) =>
        Uri.TryCreate(self, UriKind.Absolute, out var uri) ? $"{uri.GetLeftPart(UriPartial.Authority)}/browse/{key}" : null;
}
