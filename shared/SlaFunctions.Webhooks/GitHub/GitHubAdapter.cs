using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.GitHub;

/// <summary>GitHub Issues webhooks, kind <c>github</c>: the <c>issues</c> and <c>issue_comment</c> events.</summary>
/// <remarks>
/// <para><b>Events read</b> (header <c>X-GitHub-Event</c>): <c>issues</c> with <c>opened</c> (the opening, at
/// <c>issue.created_at</c>), <c>closed</c> (at <c>issue.closed_at</c>), <c>reopened</c>, <c>labeled</c> and
/// <c>unlabeled</c> of a severity label (a severity change, read from the full label list), and <c>edited</c>, <c>assigned</c>, <c>unassigned</c>
/// (fields only); <c>issue_comment</c> with <c>created</c>, at the comment's <c>created_at</c>. Ignored: <c>ping</c>,
/// other events and actions, comments on pull requests (<c>issue.pull_request</c> present) and comments by bots.
/// Events without their own time are placed at <c>issue.updated_at</c>. GitHub writes every time in UTC with <c>Z</c>.</para>
/// <para><b>Severity</b>: labels starting with one of <see cref="ConnectionMapping.SeverityLabelPrefixes"/> carry a
/// priority (<c>severity:1</c> → <c>1</c>, <c>sev2</c> → <c>2</c>), which then maps through the connection's priorities.
/// With several such labels the one with the smallest number wins, and a note says so.</para>
/// <para><b>Team</b>: a label starting with <see cref="ConnectionMapping.GroupLabelPrefix"/> (<c>team: Level 2</c>)
/// names the assignee group, for team targets: on opening, or when added; removing it leaves the issue's next team
/// label, or no group.</para>
/// <para><b>Agent or customer</b>: when <see cref="ConnectionMapping.AgentAccounts"/> lists logins, a commenter is an
/// agent exactly when listed; otherwise when <c>comment.author_association</c> is <c>OWNER</c>, <c>MEMBER</c> or
/// <c>COLLABORATOR</c>. Comments are public, so there are no internal notes.</para>
/// <para><b>Statuses</b>: closing maps through the issue's <c>state_reason</c> first (<c>completed</c> → solved,
/// <c>not_planned</c> → closed), then <c>closed</c> → solved; reopening is <c>open</c> → open. The external id is
/// <c>owner/repo#number</c>; the requester is the issue author's login.</para>
/// <para><b>Delivery id</b>: <c>X-GitHub-Delivery</c>, one GUID per event, kept on redelivery; else the body's hash.</para>
/// </remarks>
public sealed class GitHubAdapter : IWebhookAdapter
{
    /// <summary>The event name header.</summary>
    public const string EventHeader = "X-GitHub-Event";

    /// <summary>The delivery id header.</summary>
    public const string DeliveryHeader = "X-GitHub-Delivery";

    internal static readonly IReadOnlyDictionary<string, CaseStatus> DefaultStatuses = new Dictionary<string, CaseStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["open"] = CaseStatus.Open,
        ["closed"] = CaseStatus.Solved,
        ["completed"] = CaseStatus.Solved,
        ["not_planned"] = CaseStatus.Closed,
    };

    private static readonly HashSet<string> AgentAssociations = new(StringComparer.OrdinalIgnoreCase) { "OWNER", "MEMBER", "COLLABORATOR" };

    /// <inheritdoc />
    public string Kind => "github";

    /// <inheritdoc />
    public ISignatureScheme Signature { get; } = new GitHubSignatureScheme();

    /// <inheritdoc />
    public WebhookParseResult Parse(WebhookRequest request, ConnectionMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(mapping);
        var name = request.Header(EventHeader)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return WebhookParseResult.Rejected([new WebhookProblem($"header {EventHeader}", "is missing; GitHub always sends it, so this did not come from a GitHub webhook.")]);
        }
        if (name is not ("issues" or "issue_comment"))
        {
            return WebhookParseResult.Ignored($"GitHub event '{name}' is not tracked.");
        }
        var vocabulary = new ToolVocabulary(mapping, DefaultStatuses);
        return PayloadReader.Read(request.Body, body => Read(body, name, request, vocabulary));
    }

    private static WebhookParseResult? Read(PayloadReader body, string name, WebhookRequest request, ToolVocabulary vocabulary)
    {
        var action = body.String("action", required: true);
        var issue = body.Object("issue", required: true);
        var repository = body.Id("repository.full_name");
        if (action is null || issue is null || repository is null)
        {
            return null;
        }
        if (name == "issue_comment" && issue.Has("pull_request"))
        {
            return WebhookParseResult.Ignored("GitHub comment on a pull request is not tracked.");
        }
        var tracked = name == "issues"
            ? action is "opened" or "closed" or "reopened" or "labeled" or "unlabeled" or "edited" or "assigned" or "unassigned"
            : action is "created";
        if (!tracked)
        {
            return WebhookParseResult.Ignored($"GitHub '{name}' action '{action}' is not tracked.");
        }
        var comment = name == "issue_comment" ? body.Object("comment", required: true) : null;
        if (comment?.String("user.type") is "Bot")
        {
            return WebhookParseResult.Ignored("GitHub comment by a bot is not tracked.");
        }
        var number = issue.Id("number");
        var openedAt = issue.Time("created_at", required: action == "opened");
        var updatedAt = issue.Time("updated_at", required: true);
        var events = new UpdateEvents(vocabulary);
        // The issue's labels after the action: every delivery carries them.
        var labels = issue.Items("labels").Select(l => l.String("name")).OfType<string>().ToList();
        string? priority = null;
        string? severity = null;
        var prefixes = vocabulary.Mapping.SeverityLabelPrefixes;
        // Adding or removing any other label (bug, needs-triage) says nothing about severity.
        var severityLabelChanged = action is "labeled" or "unlabeled" && GitHubSeverityLabels.PriorityOf(body.String("label.name"), prefixes) is not null;
        if (action == "opened" || severityLabelChanged)
        {
            (priority, var note) = GitHubSeverityLabels.Find(labels, prefixes);
            if (note is not null)
            {
                events.Note(note);
            }
            severity = events.SeverityOf(priority, noteIfNone: action == "opened");
            if (severityLabelChanged)
            {
                events.SeverityChange(updatedAt, priority);
            }
        }
        if (GitHubTeamLabels.TryChange(action, body.String("label.name"), labels, vocabulary.Mapping.GroupLabelPrefix, out var team))
        {
            events.GroupChange(action == "opened" ? openedAt : updatedAt, present: true, team);
        }
        switch (action)
        {
            case "closed":
                var reason = issue.String("state_reason");
                events.StatusChange(issue.Time("closed_at") ?? updatedAt,
                    vocabulary.Status(reason) ?? vocabulary.RequiredStatus(issue, "state", "closed"));
                break;
            case "reopened":
                events.StatusChange(updatedAt, vocabulary.RequiredStatus(issue, "state", "open"));
                break;
            case "created" when comment is not null:
                events.Add(comment.Time("created_at", required: true),
                    IsAgent(comment, vocabulary.Mapping) ? CaseEventType.AgentReply : CaseEventType.CustomerReply);
                break;
        }
        if (body.HasProblems)
        {
            return null;
        }
        var externalId = $"{repository}#{number}";
        return WebhookParseResult.Accepted(new CaseUpdate
        {
            Source = "github",
            ExternalId = externalId,
            DeliveryId = DeliveryId.FromHeader(request, DeliveryHeader),
            Opened = action == "opened",
            OpenedAt = openedAt,
            UpdatedAt = updatedAt,
            Title = issue.String("title"),
            Url = issue.String("html_url") ?? vocabulary.Mapping.TicketUrl(externalId),
            Assignee = issue.String("assignee.login"),
            Requester = issue.String("user.login"),
            // The first label with the tier prefix: "tier: Premium" is tier Premium.
            Tier = vocabulary.Mapping.TierField is { } tierPrefix ? GitHubTeamLabels.FirstOf(labels, tierPrefix) : null,
            Priority = priority,
            Severity = severity,
            Events = events.Events,
            Notes = events.Notes,
            Unmapped = events.Unmapped,
        });
    }

    private static bool IsAgent(PayloadReader comment, ConnectionMapping mapping)
    {
        if (mapping.AgentAccounts.Count > 0)
        {
            return comment.String("user.login") is { } login && mapping.AgentAccounts.Contains(login, StringComparer.OrdinalIgnoreCase);
        }
        return comment.String("author_association") is { } association && AgentAssociations.Contains(association);
    }
}
