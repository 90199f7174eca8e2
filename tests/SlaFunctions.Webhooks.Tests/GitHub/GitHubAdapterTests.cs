using NodaTime;
using SlaFunctions.Webhooks.GitHub;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.GitHub;

public sealed class GitHubAdapterTests
{
    private readonly GitHubAdapter _adapter = new();

    private WebhookParseResult Parse(string eventName, byte[] body, ConnectionMapping? mapping = null) =>
        _adapter.Parse(Deliveries.Of(body, ("X-GitHub-Event", eventName), ("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958")),
            mapping ?? ConnectionMapping.Default);

    private WebhookParseResult Parse(string eventName, string fixture, string from, string to, ConnectionMapping? mapping = null) =>
        Parse(eventName, Fixture.Edited(fixture, from, to), mapping);

    [Theory]
    [InlineData("issues", "issues_opened.json", "")] // the opening carries the severity, not an event
    [InlineData("issue_comment", "issue_comment_member.json", "2026-01-05T09:01:10Z AgentReply")] // MEMBER
    [InlineData("issue_comment", "issue_comment_customer.json", "2026-01-05T11:30:00Z CustomerReply")] // NONE
    [InlineData("issues", "issues_labeled.json", "2026-01-05T10:15:00Z Severity 1")] // sev2 and sev1 both present: the more severe wins
    [InlineData("issues", "issues_closed.json", "2026-01-06T14:03:00Z Status Solved")] // completed, at closed_at
    [InlineData("issues", "issues_reopened.json", "2026-01-07T07:55:00Z Status Open")] // reopened
    public void Parse_Delivery_MapsEvents(string eventName, string fixture, string events)
    {
        var update = EventText.Accepted(Parse(eventName, Fixture.Bytes($"github/{fixture}")));

        Assert.Equal(events, string.Join("; ", EventText.Of(update)));
        Assert.Equal("acme/agent#812", update.ExternalId);
        Assert.Equal("72d3162e-cc78-11e3-81ab-4c9367dc0958", update.DeliveryId);
    }

    [Fact]
    public void Parse_IssueOpened_ReadsTheCase()
    {
        var update = EventText.Accepted(Parse("issues", Fixture.Bytes("github/issues_opened.json")));

        Assert.True(update.Opened);
        Assert.Equal(Instant.FromUtc(2026, 1, 5, 8, 12, 44), update.OpenedAt);
        Assert.Equal("Sync stalls after upgrade to 4.2", update.Title);
        Assert.Equal("https://github.com/acme/agent/issues/812", update.Url);
        Assert.Equal("ana-acme", update.Requester);
        Assert.Equal("bo-dev", update.Assignee);
        Assert.Equal("2", update.Priority); // sev2, less its prefix
        Assert.Equal("2", update.Severity);
        Assert.Empty(update.Notes);
    }

    [Fact]
    public void Parse_SeveralSeverityLabels_Noted()
    {
        var update = EventText.Accepted(Parse("issues", Fixture.Bytes("github/issues_labeled.json")));

        Assert.Equal("Several severity labels (sev2, sev1); took sev1.", Assert.Single(update.Notes));
    }

    [Theory]
    [InlineData("\"name\": \"sev2\"", "\"name\": \"severity:critical\"", "critical")] // a prefix with a separator takes any word
    [InlineData("\"name\": \"sev2\"", "\"name\": \"Priority/P1\"", "P1")] // prefixes match case-insensitively
    [InlineData("\"name\": \"sev2\"", "\"name\": \"severe-bug\"", null)] // 'sev' needs a digit after it
    public void Parse_SeverityLabel_GivesThePriority(string from, string to, string? priority)
    {
        var update = EventText.Accepted(Parse("issues", "github/issues_opened.json", from, to));

        Assert.Equal(priority, update.Priority);
    }

    [Fact]
    public void Parse_NoSeverityLabel_NotedForTheDefault()
    {
        var update = EventText.Accepted(Parse("issues", "github/issues_opened.json", "\"name\": \"sev2\"", "\"name\": \"needs-triage\""));

        Assert.Null(update.Severity);
        Assert.Contains("no priority", Assert.Single(update.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherLabelAdded_NothingAboutSeverity()
    {
        var result = Parse("issues", "github/issues_labeled.json", "\"label\": {\n    \"id\": 7000003,\n    \"node_id\": \"LA_kwDO7000003\",\n    \"url\": \"https://api.github.com/repos/acme/agent/labels/sev1\",\n    \"name\": \"sev1\"",
            "\"label\": {\n    \"id\": 7000001,\n    \"node_id\": \"LA_kwDO7000001\",\n    \"url\": \"https://api.github.com/repos/acme/agent/labels/bug\",\n    \"name\": \"bug\"");

        var update = EventText.Accepted(result);
        Assert.Empty(update.Events);
        Assert.Empty(update.Notes);
        Assert.Null(update.Severity);
    }

    [Fact]
    public void Parse_LastSeverityLabelRemoved_NotedWithoutEvent()
    {
        var update = EventText.Accepted(Parse("issues", Fixture.Bytes("github/issues_unlabeled.json"))); // sev2 removed, only bug left

        Assert.Empty(update.Events);
        Assert.Contains("no priority", Assert.Single(update.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ClosedAsNotPlanned_Closed()
    {
        var result = Parse("issues", "github/issues_closed.json", "\"state_reason\": \"completed\"", "\"state_reason\": \"not_planned\"");

        Assert.Equal(["2026-01-06T14:03:00Z Status Closed"], EventText.Of(EventText.Accepted(result)));
    }

    [Fact]
    public void Parse_ListedAgentWithoutMembership_AgentReply()
    {
        var mapping = new ConnectionMapping { AgentAccounts = new HashSet<string> { "ana-acme" } };

        var update = EventText.Accepted(Parse("issue_comment", Fixture.Bytes("github/issue_comment_customer.json"), mapping));

        Assert.Equal(["2026-01-05T11:30:00Z AgentReply"], EventText.Of(update));
    }

    [Fact]
    public void Parse_CommentOnPullRequest_Ignored()
    {
        Assert.Equal(WebhookOutcome.Ignored, Parse("issue_comment", Fixture.Bytes("github/issue_comment_on_pull_request.json")).Outcome);
    }

    [Fact]
    public void Parse_CommentByBot_Ignored()
    {
        var result = Parse("issue_comment", "github/issue_comment_member.json", "\"type\": \"User\",\n      \"site_admin\": false\n    },\n    \"created_at\"",
            "\"type\": \"Bot\",\n      \"site_admin\": false\n    },\n    \"created_at\"");

        Assert.Equal(WebhookOutcome.Ignored, result.Outcome);
    }

    [Theory]
    [InlineData("ping")] // sent once when the hook is created
    [InlineData("push")]
    public void Parse_UntrackedEvent_Ignored(string eventName)
    {
        Assert.Equal(WebhookOutcome.Ignored, Parse(eventName, Fixture.Bytes("github/issues_opened.json")).Outcome);
    }

    [Fact]
    public void Parse_NoEventHeader_Rejected()
    {
        var result = _adapter.Parse(Deliveries.Of(Fixture.Bytes("github/issues_opened.json")), ConnectionMapping.Default);

        Assert.Equal("header X-GitHub-Event", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Parse_TimeWithoutOffset_ReportsPath()
    {
        var result = Parse("issues", "github/issues_opened.json", "\"created_at\": \"2026-01-05T08:12:44Z\"", "\"created_at\": \"2026-01-05T08:12:44\"");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("issue.created_at", problem.Path);
        Assert.Contains("no UTC offset", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingIssueNumber_ReportsPath()
    {
        var result = Parse("issues", "github/issues_opened.json", "\"number\": 812,", "");

        Assert.Equal("issue.number", Assert.Single(result.Problems).Path);
    }

    [Theory]
    [InlineData("issues_opened.json", "\"name\": \"bug\"", "\"name\": \"Team: Level 1\"", null, "2026-01-05T08:12:44Z Group Level 1")] // at opening; prefix in any case
    [InlineData("issues_labeled.json", "\"name\": \"sev1\"", "\"name\": \"team: Level 2\"", null, "2026-01-05T10:15:00Z Group Level 2")] // added: its group
    [InlineData("issues_unlabeled.json", "\"name\": \"sev2\"", "\"name\": \"team: Level 2\"", null, "2026-01-05T10:20:00Z Group (none)")] // removed: no group
    [InlineData("issues_unlabeled.json", "\"name\": \"sev2\"", "\"name\": \"team:L2\"", "squad/", "")] // not the connection's prefix
    [InlineData("issues_opened.json", "\"name\": \"bug\"", "\"name\": \"squad/Payments\"", "squad/", "2026-01-05T08:12:44Z Group Payments")] // a configured prefix
    [InlineData("issues_opened.json", "\"name\": \"bug\"", "\"name\": \"team:\"", null, "")] // a prefix naming nothing
    public void Parse_TeamLabel_SetsTheGroup(string fixture, string from, string to, string? prefix, string events)
    {
        var mapping = prefix is null ? null : ConnectionMapping.Default with { GroupLabelPrefix = prefix };

        var update = EventText.Accepted(Parse("issues", $"github/{fixture}", from, to, mapping));

        Assert.Equal(events, string.Join("; ", EventText.Of(update).Where(e => e.Contains("Group", StringComparison.Ordinal))));
    }

    [Fact]
    public void Parse_TeamLabelRemovedAnotherLeft_ThatGroup()
    {
        var body = Fixture.Edited("github/issues_unlabeled.json", ("\"name\": \"sev2\"", "\"name\": \"team: Level 2\""), ("\"name\": \"bug\"", "\"name\": \"team: Level 1\""));

        var update = EventText.Accepted(Parse("issues", body));

        Assert.Equal("2026-01-05T10:20:00Z Group Level 1", Assert.Single(EventText.Of(update)));
    }
}
