using System.Text;
using NodaTime;
using SlaFunctions.Webhooks.CloudEvents;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.CloudEvents;

public sealed class CloudEventsAdapterTests
{
    private const string Structured = "application/cloudevents+json; charset=utf-8";
    private readonly CloudEventsAdapter _adapter = new(TestClock.Create());

    private WebhookParseResult Parse(byte[] body, ConnectionMapping? mapping = null) =>
        _adapter.Parse(Deliveries.Of(body, ("Content-Type", Structured)), mapping ?? ConnectionMapping.Default);

    private WebhookParseResult Parse(string fixture, string from, string to) =>
        Parse(Fixture.Edited(fixture, from, to));

    [Theory]
    [InlineData("opened.json", "")] // open at opening: no event
    [InlineData("agent_replied.json", "2026-01-05T09:01:10Z AgentReply")] // +01:00 offset
    [InlineData("customer_replied.json", "2026-01-05T10:30:00Z CustomerReply")]
    [InlineData("internal_note.json", "2026-01-05T10:31:00Z InternalNote")]
    [InlineData("status_pending.json", "2026-01-05T10:32:00Z Status Pending")]
    [InlineData("priority_changed.json", "2026-01-05T16:00:00Z Severity P1")] // -05:00 offset
    [InlineData("group_changed.json", "2026-01-05T11:15:00Z Group Level 2")] // the group for team targets
    [InlineData("workaround.json", "2026-01-05T16:10:00Z Workaround")]
    [InlineData("eta.json", "2026-01-05T16:11:00Z Eta")]
    [InlineData("status_solved.json", "2026-01-06T09:00:00Z Status Solved")]
    [InlineData("status_reopened.json", "2026-01-07T09:00:00Z Status Open")]
    public void Parse_OurTypes_MapEvents(string fixture, string events)
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes($"cloudevents/{fixture}")));

        Assert.Equal(events, string.Join("; ", EventText.Of(update)));
        Assert.Equal("C-42", update.ExternalId);
    }

    [Fact]
    public void Parse_Opened_ReadsTheCase()
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes("cloudevents/opened.json")));

        Assert.True(update.Opened);
        Assert.Equal(Instant.FromUtc(2026, 1, 5, 8, 12, 44), update.OpenedAt);
        Assert.Equal("https://desk.acme.example/cases c-42-evt-0001", update.DeliveryId); // source and id: unique only as a pair
        Assert.Equal("Sync stalls", update.Title);
        Assert.Equal("ana@acme.example", update.Requester);
        Assert.Equal("Acme", update.Organization);
        Assert.Equal("bo@vendor.example", update.Assignee);
        Assert.Equal("email", update.Channel);
        Assert.Equal("P2", update.Severity);
    }

    [Fact]
    public void Parse_BinaryMode_ReadsHeadersAndBody()
    {
        var request = Deliveries.Of(Encoding.UTF8.GetBytes("""{"status":"onHold"}"""),
            ("Content-Type", "application/json"), ("ce-specversion", "1.0"), ("ce-type", "dev.slafunctions.case.statusChanged"),
            ("ce-source", "https://desk.acme.example/cases"), ("ce-id", "c-42-evt-0012"), ("ce-subject", "C-42"),
            ("ce-time", "2026-01-05T12%3A00%3A00Z")); // percent-encoded, as the HTTP binding allows

        var update = EventText.Accepted(_adapter.Parse(request, ConnectionMapping.Default));

        Assert.Equal(["2026-01-05T12:00:00Z Status OnHold"], EventText.Of(update));
    }

    [Fact]
    public void Parse_BinaryModeWithoutBody_Reply()
    {
        var request = Deliveries.Of([], ("ce-specversion", "1.0"), ("ce-type", "dev.slafunctions.case.agentReplied"),
            ("ce-source", "/cases"), ("ce-id", "7"), ("ce-subject", "C-42"), ("ce-time", "2026-01-05T12:00:00Z"));

        Assert.Equal(["2026-01-05T12:00:00Z AgentReply"], EventText.Of(EventText.Accepted(_adapter.Parse(request, ConnectionMapping.Default))));
    }

    [Fact]
    public void Parse_BinaryModeTimeWithoutOffset_ReportsTheHeader()
    {
        var request = Deliveries.Of([], ("ce-specversion", "1.0"), ("ce-type", "dev.slafunctions.case.agentReplied"),
            ("ce-source", "/cases"), ("ce-id", "7"), ("ce-subject", "C-42"), ("ce-time", "2026-01-05T12:00:00"));

        Assert.Equal("header ce-time", Assert.Single(_adapter.Parse(request, ConnectionMapping.Default).Problems).Path);
    }

    [Fact]
    public void Parse_TimeWithoutOffset_RejectedNotGuessed()
    {
        var problem = Assert.Single(Parse(Fixture.Bytes("cloudevents/time_without_offset.json")).Problems);

        Assert.Equal("time", problem.Path);
        Assert.Contains("no UTC offset", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"time\": \"2026-01-05T10:30:00Z\",", "", "time")] // our profile requires time
    [InlineData("\"subject\": \"C-42\",", "", "subject")] // ... and subject, the external id
    [InlineData("\"id\": \"c-42-evt-0003\",", "", "id")] // the spec requires id
    [InlineData("\"specversion\": \"1.0\"", "\"specversion\": \"0.3\"", "specversion")]
    [InlineData("customerReplied", "customerReplyed", "type")] // a typo in our namespace is refused, not ignored
    public void Parse_BadAttribute_ReportsPath(string from, string to, string path)
    {
        var result = Parse("cloudevents/customer_replied.json", from, to);

        Assert.Equal(path, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Parse_StatusChangedWithoutStatus_ReportsDataStatus()
    {
        var result = Parse("cloudevents/status_pending.json", "\"status\": \"pending\"", "\"note\": \"pending\"");

        Assert.Equal("data.status", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Parse_PriorityMapsToNoSeverity_Noted()
    {
        var mapping = new ConnectionMapping { Priorities = new Dictionary<string, string> { ["P2"] = "2" }, PassUnmappedPriorities = false };

        var update = EventText.Accepted(Parse(Fixture.Bytes("cloudevents/priority_changed.json"), mapping));

        Assert.Empty(update.Events);
        Assert.Contains("'P1' maps to no severity", Assert.Single(update.Notes), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("com.slafunctions.case.eta")] // the one prefix, shared with the outbound com.slafunctions.target.*
    [InlineData("dev.slafunctions.case.eta")] // the earlier spelling, still accepted for existing senders
    public void Parse_EitherSpellingOfTheCasePrefix_SameEvent(string type)
    {
        var update = EventText.Accepted(Parse("cloudevents/eta.json", "dev.slafunctions.case.eta", type));

        Assert.Equal("2026-01-05T16:11:00Z Eta", string.Join("; ", EventText.Of(update)));
    }

    [Fact]
    public void Parse_UnknownTypeUnderThePrefix_RefusedNamingTheCurrentSpelling()
    {
        var result = Parse("cloudevents/eta.json", "dev.slafunctions.case.eta", "com.slafunctions.case.etaa");

        Assert.Equal(WebhookOutcome.Rejected, result.Outcome);
        Assert.Contains("use com.slafunctions.case.opened,", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ForeignType_Ignored()
    {
        var result = Parse("cloudevents/eta.json", "dev.slafunctions.case.eta", "com.example.build.finished");

        Assert.Equal(WebhookOutcome.Ignored, result.Outcome);
    }

    [Fact]
    public void Parse_Batch_Rejected()
    {
        var request = Deliveries.Of(Encoding.UTF8.GetBytes("[]"), ("Content-Type", "application/cloudevents-batch+json"));

        Assert.Equal("header Content-Type", Assert.Single(_adapter.Parse(request, ConnectionMapping.Default).Problems).Path);
    }
}
