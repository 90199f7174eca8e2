using System.Net;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Times later than the app's clock: a ticket tool's clock ahead of ours, or a time no clock could give.</summary>
public sealed partial class WebhookEndpointsTests
{
    [Theory]
    [InlineData("2026-03-09T09:00:00.200Z", false)] // 200 ms of clock skew
    [InlineData("2026-03-09T09:03Z", false)] // three minutes ahead, within the tolerated skew
    [InlineData("2026-03-09T11:00Z", true)] // two hours ahead
    [InlineData("9999-12-31T23:59Z", true)] // the far future
    public async Task Receive_NewCaseOpenedAfterNow_KeptAsOpenedAtReceipt(string createdAt, bool noted)
    {
        var (response, body) = await PostAsync(Body("ticket.created", "77", createdAt, createdAt: createdAt), "i-77");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", (string)body!["outcome"]!);
        var stored = await CaseAsync("77");
        Assert.Equal(Now, stored!.Snapshot.OpenedAt); // never later than the moment it was received
        Assert.NotNull(stored.Snapshot.NextDueAt); // judged: its first response is running
        Assert.True(stored.History.All(h => h.Event.At <= Now));
        var notes = stored.History.Where(h => h.Event.Type == CaseEventType.SystemNote && h.Note!.Contains("later than", StringComparison.Ordinal)).ToList();
        Assert.Equal(noted, notes.Count == 1);
        if (noted)
        {
            Assert.Contains(createdAt[..16], notes[0].Note, StringComparison.Ordinal); // the tool's own time, for people
        }
    }

    [Theory]
    [InlineData("2026-03-09T09:00:00.200Z")]
    [InlineData("2026-03-09T09:30Z")]
    [InlineData("9999-12-31T23:59Z")]
    public async Task Receive_EventAfterNow_PlacedAtReceipt(string updatedAt)
    {
        await PostAsync(Body("ticket.created", "78", "2026-03-06T23:30Z"), "i-78a");

        var (response, _) = await PostAsync(Body("comment.public", "78", updatedAt), "i-78b");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await CaseAsync("78");
        var reply = Assert.Single(stored!.History, h => h.Event.Type == CaseEventType.AgentReply);
        Assert.Equal(Now, reply.Event.At);
        Assert.Equal(Now, stored.Snapshot.EvaluatedAt);
    }
}
