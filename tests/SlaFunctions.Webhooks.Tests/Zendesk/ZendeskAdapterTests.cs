using System.Security.Cryptography;
using System.Text;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Zendesk;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Zendesk;

public sealed partial class ZendeskAdapterTests
{
    private readonly ZendeskAdapter _adapter = new(TestClock.Create());

    private WebhookParseResult Parse(byte[] body, ConnectionMapping? mapping = null, params (string, string)[] headers) =>
        _adapter.Parse(Deliveries.Of(body, headers), mapping ?? ConnectionMapping.Default);

    private WebhookParseResult Parse(string fixture, string from, string to, ConnectionMapping? mapping = null) =>
        Parse(Fixture.Edited(fixture, from, to), mapping);

    [Theory]
    [InlineData("trigger_ticket_created.json", "2026-01-05T08:12:00Z Group Tier 1")] // New is open, which a case starts as: only the group that takes it
    [InlineData("trigger_ticket_changed_pending.json", "2026-01-05T09:40:00Z Status Pending; 2026-01-05T09:40:00Z Severity High; 2026-01-05T09:40:00Z Group Tier 1")] // snapshot: status, severity and group at updated_at
    [InlineData("trigger_ticket_changed_solved.json", "2026-01-06T14:03:00Z Status Solved; 2026-01-06T14:03:00Z Severity High; 2026-01-06T14:03:00Z Group Tier 1")] // solved
    [InlineData("trigger_ticket_changed_reopened.json", "2026-01-07T07:55:00Z Status Open; 2026-01-07T07:55:00Z Severity High; 2026-01-07T07:55:00Z Group Tier 1")] // reopened: back to open
    [InlineData("trigger_comment_public_agent.json", "2026-01-05T08:31:00Z AgentReply")] // Agent role, public
    [InlineData("trigger_comment_public_customer.json", "2026-01-05T10:02:00Z CustomerReply")] // commenter is the requester
    [InlineData("trigger_comment_private.json", "2026-01-05T08:20:00Z InternalNote")] // Admin role, private comment
    public void Parse_TriggerBody_MapsEvents(string fixture, string events)
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes($"zendesk/{fixture}")));

        Assert.Equal(events, string.Join("; ", EventText.Of(update)));
        Assert.Equal("4711", update.ExternalId);
    }

    [Theory]
    [InlineData("\"group\": \"Tier 1\"", "\"group\": \"Level 2\"", "2026-01-05T09:40:00Z Group Level 2")] // handed to Level 2
    [InlineData("\"group\": \"Tier 1\"", "\"group\": \"\"", "2026-01-05T09:40:00Z Group (none)")] // {{ticket.group.name}} rendered empty: no group
    [InlineData("\"group\": \"Tier 1\",", "", "")] // a body from before team targets: says nothing of the group
    public void Parse_TicketChanged_GroupForTeamTargets(string from, string to, string group)
    {
        var update = EventText.Accepted(Parse("zendesk/trigger_ticket_changed_pending.json", from, to));

        Assert.Equal(group, string.Join("; ", EventText.Of(update).Where(e => e.Contains(" Group", StringComparison.Ordinal))));
    }

    [Fact]
    public void Parse_TicketCreated_ReadsTheCase()
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes("zendesk/trigger_ticket_created.json")));

        Assert.True(update.Opened);
        Assert.Equal(Instant.FromUtc(2026, 1, 5, 8, 12), update.OpenedAt); // minute precision, as _with_timestamp renders
        Assert.Equal("Checkout returns 502 for EU customers", update.Title);
        Assert.Equal("https://acme.zendesk.com/agent/tickets/4711", update.Url);
        Assert.Equal("ana@acme.example", update.Requester);
        Assert.Equal("Acme Corp", update.Organization);
        Assert.Null(update.Assignee); // rendered empty: no assignee yet
        Assert.Equal("email", update.Channel);
        Assert.Equal("Urgent", update.Priority);
        Assert.Equal("Urgent", update.Severity); // passed through for the policy's aliases
        Assert.Empty(update.Notes);
    }

    [Theory]
    [InlineData("8350205")]
    [InlineData("9999999")] // a replay of the signed body under a new, unsigned, invocation id
    public void Parse_TriggerBody_DeliveryIdIsTheSignedBodysHash(string invocation)
    {
        var body = Fixture.Bytes("zendesk/trigger_comment_public_agent.json");

        var update = EventText.Accepted(Parse(body, null,
            ("x-zendesk-account-id", "18501212"), ("x-zendesk-webhook-id", "01HZX4Q6"), ("X-Zendesk-Webhook-Invocation-Id", invocation)));

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)), update.DeliveryId);
    }

    [Fact]
    public void Parse_TruncatedBody_RejectedAsNotJson()
    {
        var body = Fixture.Bytes("zendesk/trigger_ticket_created.json")[..120];

        var result = Parse(body);

        Assert.Equal(WebhookOutcome.Rejected, result.Outcome);
        Assert.Contains("not valid JSON", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ZulipStyleMessageBody_RejectedWithTheFix()
    {
        // A URL-target body of rendered Markdown: no schema and no event type, so nothing can be mapped.
        var result = Parse(Encoding.UTF8.GetBytes("""{"ticket_id":"7","ticket_title":"Problems changing address","message":"**Status:** Open"}"""));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("schema", problem.Path);
        Assert.Contains("slafunctions.zendesk.v1", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"say\": \"hello\"}")]
    [InlineData("{}")]
    [InlineData(" ")]
    public void Parse_TestWebhookBody_IgnoredNotRejected(string body)
    {
        var result = Parse(Encoding.UTF8.GetBytes(body));

        Assert.Equal(WebhookOutcome.Ignored, result.Outcome);
        Assert.Contains("Test webhook", result.IgnoredBecause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"id\": \"4711\"", "\"id\": \"\"", "ticket.id", "is required")] // blank placeholder
    [InlineData("\"created_at\": \"2026-01-05T08:12Z\"", "\"created_at\": \"January 5, 2026\"", "ticket.created_at", "not an ISO-8601")] // {{ticket.created_at}} is date-only text
    [InlineData("\"created_at\": \"2026-01-05T08:12Z\"", "\"created_at\": \"2026-01-05T08:12\"", "ticket.created_at", "no UTC offset")] // a local time is never guessed
    public void Parse_BadTicketField_ReportsPath(string from, string to, string path, string message)
    {
        var result = Parse("zendesk/trigger_ticket_created.json", from, to);

        Assert.Equal(WebhookOutcome.Rejected, result.Outcome);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SnapshotWithoutStatus_ReportsStatus()
    {
        var result = Parse("zendesk/trigger_ticket_changed_solved.json", "\"status\": \"Solved\"", "\"status\": \"\"");

        Assert.Equal("ticket.status", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Parse_CustomStatusNotInTheMap_AppliesTheRestAndNotes()
    {
        var update = EventText.Accepted(Parse("zendesk/trigger_ticket_changed_pending.json", "\"status\": \"Pending\"", "\"status\": \"Awaiting parts\""));

        Assert.Equal(["2026-01-05T09:40:00Z Severity High", "2026-01-05T09:40:00Z Group Tier 1"], EventText.Of(update));
        Assert.Contains(update.Notes, n => n.Contains("'Awaiting parts' maps to no case status", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CustomStatusInTheMap_Mapped()
    {
        var mapping = new ConnectionMapping { Statuses = new Dictionary<string, CaseStatus> { ["awaiting PARTS"] = CaseStatus.OnHold } };

        var update = EventText.Accepted(Parse("zendesk/trigger_ticket_changed_pending.json", "\"status\": \"Pending\"", "\"status\": \"Awaiting parts\"", mapping));

        Assert.Equal("2026-01-05T09:40:00Z Status OnHold", EventText.Of(update)[0]);
    }

    [Fact]
    public void Parse_PriorityMapsToNoSeverity_NotedAndNoSeverityEvent()
    {
        var mapping = new ConnectionMapping
        {
            Priorities = new Dictionary<string, string> { ["Urgent"] = "1" },
            PassUnmappedPriorities = false,
        };

        var update = EventText.Accepted(Parse(Fixture.Bytes("zendesk/trigger_ticket_changed_pending.json"), mapping));

        Assert.Null(update.Severity);
        Assert.Equal("High", update.Priority);
        Assert.Equal(["2026-01-05T09:40:00Z Status Pending", "2026-01-05T09:40:00Z Group Tier 1"], EventText.Of(update));
        Assert.Contains("'High' maps to no severity", Assert.Single(update.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PriorityInTheMap_GivesItsSeverity()
    {
        var mapping = new ConnectionMapping { Priorities = new Dictionary<string, string> { ["high"] = "2" } };

        var update = EventText.Accepted(Parse(Fixture.Bytes("zendesk/trigger_ticket_changed_pending.json"), mapping));

        Assert.Equal("2", update.Severity);
        Assert.Equal("2026-01-05T09:40:00Z Severity 2", EventText.Of(update)[1]);
    }

    [Fact]
    public void Parse_EmptyPriority_Noted()
    {
        var update = EventText.Accepted(Parse("zendesk/trigger_ticket_created.json", "\"priority\": \"Urgent\"", "\"priority\": \"\""));

        Assert.Null(update.Priority);
        Assert.Null(update.Severity);
        Assert.Contains("no priority", Assert.Single(update.Notes), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentOnTicketWithoutPriority_NoNote()
    {
        // Only a delivery that sets the severity (an opening, a snapshot) notes a missing one; a reply does not repeat it.
        var update = EventText.Accepted(Parse("zendesk/trigger_comment_public_agent.json", "\"priority\": \"Urgent\"", "\"priority\": \"\""));

        Assert.Empty(update.Notes);
    }

    [Fact]
    public void Parse_UntrackedTriggerEvent_Ignored()
    {
        var result = Parse("zendesk/trigger_ticket_created.json", "\"event\": \"ticket.created\"", "\"event\": \"ticket.merged\"");

        Assert.Equal(WebhookOutcome.Ignored, result.Outcome);
        Assert.Null(result.Update);
    }

    [Fact]
    public void Parse_StaffMemberWhoIsTheRequester_CustomerReply()
    {
        // An agent who raised the ticket for themselves replies as its requester, so the reply does not answer them.
        var result = Parse("zendesk/trigger_comment_public_customer.json", "\"role\": \"End-user\"", "\"role\": \"Agent\"");

        Assert.Equal(["2026-01-05T10:02:00Z CustomerReply"], EventText.Of(EventText.Accepted(result)));
    }

    [Fact]
    public void Parse_UnknownCommenterRole_ReportsActorRole()
    {
        var result = Parse("zendesk/trigger_comment_public_agent.json", "\"role\": \"Agent\"", "\"role\": \"{{current_user.role}}\"");

        Assert.Equal("actor.role", Assert.Single(result.Problems).Path);
    }
}
