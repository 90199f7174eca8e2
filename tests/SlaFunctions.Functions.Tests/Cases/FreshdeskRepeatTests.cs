using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Freshdesk bodies carry no time and no delivery id, so a retry and a genuinely repeated event (an agent's
/// second reply) send the same bytes: only a repeat within the dedup window is a duplicate.</summary>
public sealed class FreshdeskRepeatTests() : CaseApiTests(new CaseApi(Now).WithConnection("acme-freshdesk", "freshdesk", Secret))
{
    private const string Secret = "freshdesk-test-secret-0123456789";
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    private static string Body(string name) => new JsonObject
    {
        ["schema"] = "slafunctions.freshdesk.v1", ["event"] = name, ["actor"] = "agent", ["ticket_id"] = "4201",
        ["subject"] = "Invoice export fails", ["status"] = "Open", ["priority"] = "High",
    }.ToJsonString();

    private async Task<string> PostAsync(string body, int minutesAfterNow)
    {
        Api.Clock.Reset(Now + Duration.FromMinutes(minutesAfterNow));
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add("X-Sla-Secret", Secret);
        using var response = await Client.PostAsync(new Uri("/api/webhooks/acme-freshdesk", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["outcome"]!;
    }

    [Theory]
    [InlineData(0, "duplicate")] // sent twice at once
    [InlineData(4, "duplicate")] // Freshdesk's first retry, 5 minutes after a lost answer
    [InlineData(9, "duplicate")] // the last moment of the window
    [InlineData(21, "applied")] // past the window and the one before it: a second reply
    [InlineData(60 * 24 * 3, "applied")] // days later
    public async Task Receive_SameBodyAgain_DuplicateOnlyWithinTheWindow(int minutesLater, string outcome)
    {
        await PostAsync(Body("ticket.created"), 0);
        var reply = Body("agent.replied");
        Assert.Equal("applied", await PostAsync(reply, 1));

        Assert.Equal(outcome, await PostAsync(reply, 1 + minutesLater));

        var stored = await Store.GetAsync(new CaseKey("acme-freshdesk", "4201"), default);
        Assert.Equal(outcome == "applied" ? 2 : 1, stored!.History.Count(h => h.Event.Type == CaseEventType.AgentReply));
    }
}
