using System.Text;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Jira;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Jira;

public sealed class JiraAdapterTests
{
    private readonly JiraAdapter _adapter = new(TestClock.Create());

    private WebhookParseResult Parse(byte[] body, ConnectionMapping? mapping = null, params (string, string)[] headers) =>
        _adapter.Parse(Deliveries.Of(body, headers), mapping ?? ConnectionMapping.Default);

    private WebhookParseResult Parse(string fixture, string from, string to, ConnectionMapping? mapping = null) =>
        Parse(Fixture.Edited(fixture, from, to), mapping);

    [Theory]
    [InlineData("issue_created.json", "")] // Waiting for support is open: no event
    [InlineData("issue_updated_waiting_for_customer.json", "2026-01-05T08:40:00Z Status Pending")] // changelog status, at the signed timestamp
    [InlineData("issue_updated_resolved.json", "2026-01-06T14:03:00Z Status Solved")] // solved; the resolution item is not a status
    [InlineData("issue_updated_reopened.json", "2026-01-07T12:55:00Z Status Open")] // 'Reopened' is unmapped: its category (indeterminate) says open
    [InlineData("issue_updated_priority.json", "2026-01-05T09:01:30.5Z Severity Highest")] // priority change, to the millisecond
    [InlineData("issue_updated_team.json", "2026-01-05T10:00:00Z Group Level 2")] // Team field changed: the group for team targets
    [InlineData("comment_created_agent_public.json", "2026-01-05T08:16:00Z AgentReply")] // atlassian account, not the reporter, jsdPublic
    [InlineData("comment_created_agent_internal.json", "2026-01-05T08:14:00Z InternalNote")] // jsdPublic: false
    [InlineData("comment_created_customer.json", "2026-01-05T09:10:00Z CustomerReply")] // portal customer account
    public void Parse_Delivery_MapsEvents(string fixture, string events)
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes($"jira/{fixture}")));

        Assert.Equal(events, string.Join("; ", EventText.Of(update)));
        Assert.Equal("SUP-42", update.ExternalId);
    }

    [Theory]
    [InlineData("\"toString\": \"Level 2\"", "\"toString\": null", null, "2026-01-05T10:00:00Z Group (none)")] // team cleared: no group holds it
    [InlineData("\"field\": \"Team\"", "\"field\": \"Assignment group\"", "Assignment group", "2026-01-05T10:00:00Z Group Level 2")] // the connection names its own field
    [InlineData("\"field\": \"Team\"", "\"field\": \"Assignment group\"", null, "")] // a field not named as a group field is ignored
    public void Parse_GroupFieldChanged_GroupForTeamTargets(string from, string to, string? groupField, string events)
    {
        var mapping = groupField is null ? null : ConnectionMapping.Default with { GroupFields = [groupField] };

        var update = EventText.Accepted(Parse("jira/issue_updated_team.json", from, to, mapping));

        Assert.Equal(events, string.Join("; ", EventText.Of(update)));
    }

    [Fact]
    public void Parse_IssueCreated_ReadsTheCase()
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes("jira/issue_created.json"), null, ("X-Atlassian-Webhook-Identifier", "4d3a1c-1767600764188")));

        Assert.True(update.Opened);
        // 03:12:44.120-0500: Jira's offset without a colon.
        Assert.Equal(Instant.FromUtc(2026, 1, 5, 8, 12, 44).PlusNanoseconds(120_000_000), update.OpenedAt);
        Assert.Equal("4d3a1c-1767600764188", update.DeliveryId);
        Assert.Equal("Checkout returns 502 for EU customers", update.Title);
        Assert.Equal("https://acme-support.atlassian.net/browse/SUP-42", update.Url);
        Assert.Equal("ana@acme.example", update.Requester);
        Assert.Equal("bo@vendor.example", update.Assignee);
        Assert.Equal("High", update.Priority);
        Assert.Equal("High", update.Severity);
    }

    [Fact]
    public void Parse_IssueCreatedWaitingForCustomer_StatusAtOpening()
    {
        var result = Parse("jira/issue_created.json", "\"name\": \"Waiting for support\"", "\"name\": \"Waiting for customer\"");

        Assert.Equal(["2026-01-05T08:12:44.12Z Status Pending"], EventText.Of(EventText.Accepted(result)));
    }

    [Fact]
    public void Parse_AuthorIsTheReporter_CustomerEvenWithAtlassianAccount()
    {
        // A reporter with a full account (an internal requester) replying on their own issue is the customer.
        var result = Parse("jira/comment_created_agent_public.json", "\"reporter\": {\n        \"self\": \"https://acme-support.atlassian.net/rest/api/2/user?accountId=qm%3A7f1c-0e2a\",\n        \"accountId\": \"qm:7f1c-0e2a\"",
            "\"reporter\": {\n        \"self\": \"https://acme-support.atlassian.net/rest/api/2/user?accountId=5b10a2844c20165700ede21g\",\n        \"accountId\": \"5b10a2844c20165700ede21g\"");

        Assert.Equal(["2026-01-05T08:16:00Z CustomerReply"], EventText.Of(EventText.Accepted(result)));
    }

    [Fact]
    public void Parse_AgentAccountsListed_OnlyListedAuthorsAreAgents()
    {
        var mapping = new ConnectionMapping { AgentAccounts = new HashSet<string> { "carla@vendor.example" } };

        var update = EventText.Accepted(Parse(Fixture.Bytes("jira/comment_created_agent_public.json"), mapping));

        Assert.Equal(["2026-01-05T08:16:00Z CustomerReply"], EventText.Of(update));
    }

    [Fact]
    public void Parse_AgentAccountsListed_ListedAuthorIsAgent()
    {
        var mapping = new ConnectionMapping { AgentAccounts = new HashSet<string> { "BO@vendor.example" } };

        var update = EventText.Accepted(Parse(Fixture.Bytes("jira/comment_created_agent_public.json"), mapping));

        Assert.Equal(["2026-01-05T08:16:00Z AgentReply"], EventText.Of(update));
    }

    [Theory]
    [InlineData("\"created\": \"2026-01-05T03:12:44.120-0500\"", "\"created\": \"2026-01-05T03:12:44.120\"", "issue.fields.created", "no UTC offset")] // a zone the payload does not give
    [InlineData("\"created\": \"2026-01-05T03:12:44.120-0500\"", "\"created\": \"05/Jan/26 3:12 AM\"", "issue.fields.created", "not an ISO-8601")] // a display format
    [InlineData("\"key\": \"SUP-42\"", "\"key\": null", "issue.key", "is required")]
    [InlineData("\"webhookEvent\": \"jira:issue_created\"", "\"webhookEventX\": \"jira:issue_created\"", "webhookEvent", "is required")]
    public void Parse_BadField_ReportsPath(string from, string to, string path, string message)
    {
        var result = Parse("jira/issue_created.json", from, to);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentTimeWithoutOffset_ReportsCommentCreated()
    {
        var result = Parse("jira/comment_created_customer.json", "\"created\": \"2026-01-05T09:10:00.000+0000\"", "\"created\": \"2026-01-05T09:10:00.000\"");

        Assert.Equal("comment.created", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Parse_ChangeWithNoTimeAtAll_ReportsTimestamp()
    {
        var result = Parse(Fixture.Edited("jira/issue_updated_waiting_for_customer.json",
            ("\"timestamp\": 1767602400000,", ""), ("\"updated\": \"2026-01-05T09:40:00.000+0100\",", "")));

        Assert.Equal("timestamp", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Parse_ChangeWithoutTimestamp_PlacedAtUpdated()
    {
        var update = EventText.Accepted(Parse("jira/issue_updated_waiting_for_customer.json", "\"timestamp\": 1767602400000,", ""));

        Assert.Equal(["2026-01-05T08:40:00Z Status Pending"], EventText.Of(update));
    }

    [Fact]
    public void Parse_StatusWithNoMappingAndNoCategory_NotedAndStatusLeft()
    {
        var update = EventText.Accepted(Parse("jira/issue_updated_waiting_for_customer.json", "\"toString\": \"Waiting for customer\"", "\"toString\": \"Awaiting vendor\""));

        Assert.Empty(update.Events);
        Assert.Contains(update.Notes, n => n.Contains("'Awaiting vendor' maps to no case status", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CustomStatusInTheIndeterminateCategory_OpenAndNoted()
    {
        var update = EventText.Accepted(Parse(Fixture.Edited("jira/issue_updated_waiting_for_customer.json",
            ("Waiting for customer", "Awaiting customer response"))));

        Assert.Equal(["2026-01-05T08:40:00Z Status Open"], EventText.Of(update));
        Assert.Contains(update.Notes, n => n.Contains("'Awaiting customer response' is not in this connection's status map; taken as open from its category 'indeterminate'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_StatusInTheConnectionMap_OverridesTheDefault()
    {
        var mapping = new ConnectionMapping { Statuses = new Dictionary<string, CaseStatus> { ["Waiting for customer"] = CaseStatus.OnHold } };

        var update = EventText.Accepted(Parse(Fixture.Bytes("jira/issue_updated_waiting_for_customer.json"), mapping));

        Assert.Equal(["2026-01-05T08:40:00Z Status OnHold"], EventText.Of(update));
    }

    [Fact]
    public void Parse_PriorityMapsToNoSeverity_Noted()
    {
        var mapping = new ConnectionMapping { Priorities = new Dictionary<string, string> { ["Highest"] = "" } }; // explicitly none

        var update = EventText.Accepted(Parse(Fixture.Bytes("jira/issue_updated_priority.json"), mapping));

        Assert.Empty(update.Events);
        Assert.Contains("'Highest' maps to no severity", Assert.Single(update.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IssueDeleted_Ignored()
    {
        Assert.Equal(WebhookOutcome.Ignored, Parse(Fixture.Bytes("jira/issue_deleted.json")).Outcome);
    }

    [Fact]
    public void Parse_BodyIsAnArray_Rejected()
    {
        var result = Parse(Encoding.UTF8.GetBytes("[1,2]"));

        Assert.Contains("JSON array", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }
}
