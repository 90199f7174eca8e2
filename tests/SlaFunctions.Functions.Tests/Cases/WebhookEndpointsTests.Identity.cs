using System.Net;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>What makes two deliveries the same case or the same delivery: the connection as configured, whatever the
/// URL's letter case, and the signed content, never an unsigned header.</summary>
public sealed partial class WebhookEndpointsTests
{
    [Theory]
    [InlineData("ACME-ZENDESK")]
    [InlineData("Acme-Zendesk")]
    public async Task Receive_ConnectionInOtherLetterCase_SameCase(string spelling)
    {
        await PostAsync(Body("ticket.created", "90", "2026-03-06T23:30Z"), "i-90a", connection: spelling);
        var (response, body) = await PostAsync(Body("comment.public", "90", "2026-03-07T00:10Z"), "i-90b");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acme-zendesk/90", (string)body!["case"]!);
        var stored = await CaseAsync("90");
        Assert.Equal("acme-zendesk", stored!.Snapshot.Key.Connection);
        Assert.Single(stored.History, h => h.Event.Type == CaseEventType.AgentReply);
        Assert.Null(await _store.GetAsync(new CaseKey(spelling, "90"), default)); // no second case under the URL's spelling
    }

    [Fact]
    public async Task Receive_ReplayUnderANewInvocationId_IsADuplicate()
    {
        await PostAsync(Body("ticket.created", "91", "2026-03-06T23:30Z"), "i-91a");
        var comment = Body("comment.public", "91", "2026-03-07T00:10Z");
        await PostAsync(comment, "i-91b");

        var (response, body) = await PostAsync(comment, "i-91-replayed"); // the signature still holds: only the header changed

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("duplicate", (string)body!["outcome"]!);
        Assert.Single((await CaseAsync("91"))!.History, h => h.Event.Type == CaseEventType.AgentReply);
    }
}
