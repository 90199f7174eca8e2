using SlaFunctions.Webhooks.Zendesk;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Zendesk;

public sealed partial class ZendeskAdapterTests
{
    [Theory]
    [InlineData("event_status_changed.json", "2026-01-05T09:05:10.10531652Z Status OnHold")] // HOLD, placed at the envelope's nanosecond time
    [InlineData("event_priority_changed.json", "2026-01-05T09:07:42.809125655Z Severity URGENT")] // upper-case enum, passed through
    [InlineData("event_comment_added_customer.json", "2026-01-05T09:12:26.962242814Z CustomerReply")] // end-user, private (chat): still the customer
    [InlineData("event_comment_added_agent.json", "2026-01-05T09:20:03.000000001Z AgentReply")] // staff, public
    public void Parse_EventSubscription_MapsEvents(string fixture, string events)
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes($"zendesk/{fixture}")));

        Assert.Equal(events, string.Join("; ", EventText.Of(update)));
        Assert.Equal("4712", update.ExternalId);
    }

    [Fact]
    public void Parse_EventSubscription_UsesTheSignedIdAndTheUrlTemplate()
    {
        var mapping = new ConnectionMapping { TicketUrlTemplate = "https://acme.zendesk.com/agent/tickets/{id}" };

        var update = EventText.Accepted(Parse(Fixture.Bytes("zendesk/event_status_changed.json"), mapping));

        Assert.Equal("6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c", update.DeliveryId);
        Assert.Equal("https://acme.zendesk.com/agent/tickets/4712", update.Url);
        Assert.Equal("web_service", update.Channel);
        Assert.Equal("9100001", update.Requester); // events carry ids, not emails
    }

    [Fact]
    public void Parse_StaffPrivateComment_InternalNote()
    {
        var result = Parse("zendesk/event_comment_added_agent.json", "\"is_public\": true\n    },\n    \"meta\"", "\"is_public\": false\n    },\n    \"meta\"");

        Assert.Equal(["2026-01-05T09:20:03.000000001Z InternalNote"], EventText.Of(EventText.Accepted(result)));
    }

    [Fact]
    public void Parse_UntrackedTicketEvent_Ignored()
    {
        var result = Parse(Fixture.Bytes("zendesk/event_agent_assignment_changed.json"));

        Assert.Equal(WebhookOutcome.Ignored, result.Outcome);
        Assert.Contains("agent_assignment_changed", result.IgnoredBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EventWithoutTime_ReportsTime()
    {
        var result = Parse("zendesk/event_status_changed.json", "\"time\": \"2026-01-05T09:05:10.105316520Z\"", "\"time\": null");

        Assert.Equal("time", Assert.Single(result.Problems).Path);
    }
}
