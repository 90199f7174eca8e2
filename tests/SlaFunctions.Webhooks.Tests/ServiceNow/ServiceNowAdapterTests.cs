using NodaTime;
using SlaFunctions.Webhooks.ServiceNow;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.ServiceNow;

public sealed class ServiceNowAdapterTests
{
    private readonly ServiceNowAdapter _adapter = new(TestClock.Create());

    private WebhookParseResult Parse(byte[] body, ConnectionMapping? mapping = null) =>
        _adapter.Parse(Deliveries.Of(body), mapping ?? ConnectionMapping.Default);

    private WebhookParseResult Parse(string fixture, string from, string to, ConnectionMapping? mapping = null) =>
        Parse(Fixture.Edited(fixture, from, to), mapping);

    [Theory]
    [InlineData("incident_inserted.json", "")] // state 1 New is open: nothing beyond the opening
    [InlineData("incident_work_note.json", "2026-01-05T08:30:00Z Status Open; 2026-01-05T08:30:00Z Severity high; 2026-01-05T08:30:00Z InternalNote")] // work notes are internal
    [InlineData("incident_agent_comment.json", "2026-01-05T08:40:00Z Status Open; 2026-01-05T08:40:00Z Severity high; 2026-01-05T08:40:00Z AgentReply")] // additional comment by the assignee's side
    [InlineData("incident_awaiting_caller.json", "2026-01-05T09:00:00Z Status Pending; 2026-01-05T09:00:00Z Severity high")] // On Hold / Awaiting Caller waits on the customer
    [InlineData("incident_customer_comment.json", "2026-01-05T11:15:00Z Status Open; 2026-01-05T11:15:00Z Severity high; 2026-01-05T11:15:00Z CustomerReply")] // the caller replied
    [InlineData("incident_priority_raised.json", "2026-01-05T11:20:00Z Status Open; 2026-01-05T11:20:00Z Severity critical")] // priority 1
    [InlineData("incident_resolved.json", "2026-01-06T14:03:00Z Status Solved; 2026-01-06T14:03:00Z Severity high")] // state 6 Resolved
    public void Parse_Snapshot_MapsEvents(string fixture, string events)
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes($"servicenow/{fixture}")));

        Assert.Equal(events, string.Join("; ", EventText.Of(update)));
        Assert.Equal("INC0010042", update.ExternalId);
    }

    [Fact]
    public void Parse_Inserted_ReadsTheCase()
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes("servicenow/incident_inserted.json")));

        Assert.True(update.Opened);
        Assert.Equal(Instant.FromUtc(2026, 1, 5, 8, 12, 44), update.OpenedAt);
        Assert.Equal("9d385017c611228701d22104cc95c371:0", update.DeliveryId); // sys_id:sys_mod_count
        Assert.Equal("Email down for sales", update.Title);
        Assert.Equal("ana@acme.example", update.Requester);
        Assert.Equal("Acme Corp", update.Organization);
        Assert.Null(update.Assignee);
        Assert.Equal("email", update.Channel);
        Assert.Equal("2", update.Priority);
        Assert.Equal("high", update.Severity); // ServiceNow's label for 2, for the policy's aliases
    }

    [Fact]
    public void Parse_OtherHoldReason_OnHold()
    {
        var result = Parse("servicenow/incident_awaiting_caller.json", "\"hold_reason\":\"Awaiting Caller\"", "\"hold_reason\":\"Awaiting Vendor\"");

        Assert.Equal("2026-01-05T09:00:00Z Status OnHold", EventText.Of(EventText.Accepted(result))[0]);
    }

    [Fact]
    public void Parse_VersionZeroWithoutOperation_IsTheOpening()
    {
        var result = Parse("servicenow/incident_inserted.json", "\"operation\":\"insert\",", "");

        Assert.True(EventText.Accepted(result).Opened);
    }

    [Fact]
    public void Parse_UtcWithoutZoneMarker_RejectedNotGuessed()
    {
        // getValue() is UTC, but a display value looks the same in the user's zone: the rule must add Z.
        var result = Parse(Fixture.Bytes("servicenow/incident_local_time.json"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("updated_at", problem.Path);
        Assert.Contains("no UTC offset", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PriorityMapsToNoSeverity_Noted()
    {
        var mapping = new ConnectionMapping { Priorities = new Dictionary<string, string> { ["1"] = "1" }, PassUnmappedPriorities = false };

        var update = EventText.Accepted(Parse(Fixture.Bytes("servicenow/incident_resolved.json"), mapping));

        // The adapter's own default (2 → high) still applies: a connection entry only adds or overrides.
        Assert.Equal("high", update.Severity);
        var planning = EventText.Accepted(Parse("servicenow/incident_resolved.json", "\"priority\":\"2\"", "\"priority\":\"9\"", mapping));
        Assert.Null(planning.Severity);
        Assert.Contains("'9' maps to no severity", Assert.Single(planning.Notes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"number\":\"INC0010042\",", "", "number")] // the external id
    [InlineData("\"comment_by\":\"agent\"", "\"comment_by\":\"system\"", "comment_by")] // neither side
    public void Parse_BadField_ReportsPath(string from, string to, string path)
    {
        var result = Parse("servicenow/incident_agent_comment.json", from, to);

        Assert.Equal(path, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Parse_StateNoMapKnows_NotedAndTheRestApplied()
    {
        var update = EventText.Accepted(Parse("servicenow/incident_agent_comment.json", "\"state\":\"2\"", "\"state\":\"42\""));

        Assert.DoesNotContain(update.Events, e => e.Type == SlaFunctions.Engine.Clocks.CaseEventType.Status);
        Assert.Contains(update.Events, e => e.Type == SlaFunctions.Engine.Clocks.CaseEventType.AgentReply);
        Assert.Contains(update.Notes, n => n.Contains("'42' maps to no case status", StringComparison.Ordinal));
    }
}
