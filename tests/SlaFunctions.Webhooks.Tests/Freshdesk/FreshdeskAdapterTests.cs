using System.Security.Cryptography;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks.Freshdesk;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Freshdesk;

public sealed class FreshdeskAdapterTests
{
    // Freshdesk bodies carry no time: every event is placed at the receipt time.
    private static readonly Instant ReceivedAt = Instant.FromUtc(2026, 1, 5, 9, 30, 15);
    private readonly FreshdeskAdapter _adapter = new();

    private WebhookParseResult Parse(byte[] body, ConnectionMapping? mapping = null) =>
        _adapter.Parse(Deliveries.Of(body, ReceivedAt), mapping ?? ConnectionMapping.Default);

    private WebhookParseResult Parse(string fixture, string from, string to) =>
        Parse(Fixture.Edited(fixture, from, to));

    [Theory]
    [InlineData("ticket_created.json", "2026-01-05T09:30:15Z Status Pending")] // {ticket_action:created}, created already Pending
    [InlineData("status_changed.json", "2026-01-05T09:30:15Z Status Pending")] // custom 'Waiting on Customer' (id 6)
    [InlineData("status_resolved.json", "2026-01-05T09:30:15Z Status Solved")] // Resolved
    [InlineData("priority_changed.json", "2026-01-05T09:30:15Z Severity Urgent")] // the label shows the new priority
    [InlineData("private_note.json", "2026-01-05T09:30:15Z InternalNote")] // {note_type:private}
    [InlineData("agent_replied.json", "2026-01-05T09:30:15Z AgentReply")] // our body: the rule names the event
    [InlineData("customer_replied.json", "2026-01-05T09:30:15Z CustomerReply")]
    public void Parse_Delivery_MapsEvents(string fixture, string events)
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes($"freshdesk/{fixture}")));

        Assert.Equal(events, string.Join("; ", EventText.Of(update)));
        Assert.Equal("4201", update.ExternalId);
    }

    [Fact]
    public void Parse_TicketCreated_ReadsTheCase()
    {
        var body = Fixture.Bytes("freshdesk/ticket_created.json");

        var update = EventText.Accepted(Parse(body));

        Assert.True(update.Opened);
        Assert.Equal(ReceivedAt, update.OpenedAt);
        Assert.Equal("Invoice export fails ☃ for March", update.Title); // UTF-8 body read as UTF-8
        Assert.Equal("https://acme-help.freshdesk.com/helpdesk/tickets/4201", update.Url);
        Assert.Equal("ana@acme.example", update.Requester);
        Assert.Equal("High", update.Severity);
        // Freshdesk sends no id and no time: the body's hash in the 10-minute window it arrived in, and the window before.
        var hash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        Assert.StartsWith(hash + "@", update.DeliveryId, StringComparison.Ordinal);
        Assert.NotEqual(update.DeliveryId, Assert.Single(update.EarlierDeliveryIds));
        Assert.StartsWith(hash + "@", update.EarlierDeliveryIds[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OurBody_ReadsCompanyAgentAndChannel()
    {
        var update = EventText.Accepted(Parse(Fixture.Bytes("freshdesk/customer_replied.json")));

        Assert.Equal("Acme Corp", update.Organization);
        Assert.Equal("bo@vendor.example", update.Assignee);
        Assert.Equal("Email", update.Channel);
    }

    [Fact]
    public void Parse_PublicNoteWithoutActor_AsksForTheActor()
    {
        var result = Parse(Fixture.Bytes("freshdesk/public_note.json"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("freshdesk_webhook.actor", problem.Path);
    }

    [Fact]
    public void Parse_PublicNoteWithActor_Reply()
    {
        var result = Parse("freshdesk/public_note.json", "\"ticket_id\": \"4201\",", "\"ticket_id\": \"4201\", \"actor\": \"agent\",");

        Assert.Equal(["2026-01-05T09:30:15Z AgentReply"], EventText.Of(EventText.Accepted(result)));
    }

    [Fact]
    public void Parse_CreatedAtInTheHelpdesksZone_RejectedNotGuessed()
    {
        // {{ticket.created_on}} renders local time with no offset.
        var result = Parse(Fixture.Bytes("freshdesk/ticket_created_local_time.json"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("created_at", problem.Path);
        Assert.Contains("no UTC offset", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UpdatedAtWithOffset_PlacesTheEvent()
    {
        var result = Parse("freshdesk/agent_replied.json", "\"ticket_id\": \"4201\",", "\"ticket_id\": \"4201\", \"updated_at\": \"2026-01-05T14:55:02+05:30\",");

        Assert.Equal(["2026-01-05T09:25:02Z AgentReply"], EventText.Of(EventText.Accepted(result)));
    }

    [Fact]
    public void Parse_UnknownTriggeredEvent_Ignored()
    {
        Assert.Equal(WebhookOutcome.Ignored, Parse(Fixture.Bytes("freshdesk/unknown_event.json")).Outcome);
    }

    [Fact]
    public void Parse_NoEventAndNoTriggeredEvent_Rejected()
    {
        var result = Parse("freshdesk/status_changed.json", "\"triggered_event\": \"{status:{from:2,to:6}}\",", "");

        Assert.Equal("freshdesk_webhook.event", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Parse_UnmappedCustomStatusLabel_FallsBackToTheCode()
    {
        // 'Waiting on Parts' is no default, but the triggered event says status 3 (Pending).
        var update = EventText.Accepted(Parse(Fixture.Edited("freshdesk/status_changed.json",
            ("{from:2,to:6}", "{from:2,to:3}"), ("Waiting on Customer", "Waiting on Parts"))));

        Assert.Equal(["2026-01-05T09:30:15Z Status Pending"], EventText.Of(update));
    }

    [Fact]
    public void Parse_CreatedWithUnmappedStatus_OpensAndNotes()
    {
        var update = EventText.Accepted(Parse("freshdesk/ticket_created.json", "\"ticket_status\": \"Pending\"", "\"ticket_status\": \"Awaiting Parts\""));

        Assert.True(update.Opened);
        Assert.DoesNotContain(update.Events, e => e.Type == CaseEventType.Status);
        Assert.Contains(update.Notes, n => n.Contains("'Awaiting Parts' maps to no case status", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnmappedCustomStatus_NotedAndStatusLeft()
    {
        var update = EventText.Accepted(Parse("freshdesk/status_changed.json", "Waiting on Customer", "Waiting on Parts"));

        Assert.Empty(update.Events);
        Assert.Contains(update.Notes, n => n.Contains("'Waiting on Parts' maps to no case status", StringComparison.Ordinal));
    }
}
