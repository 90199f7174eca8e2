using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Signed Zendesk deliveries for a helpdesk-example ticket (London office Mon-Fri 09:00-17:00, GMT in March;
/// next reply within 4h, Level 1 within 1h, Level 2 within 8h) over Azurite, read back through the case view on
/// Mon 2026-03-09 12:00.</summary>
public sealed class TeamTargetFlowTests : IAsyncLifetime
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 12, 0);
    private readonly HelpdeskPolicies _policies = new();
    private readonly CaseApi _api;

    public TeamTargetFlowTests() => _api = _policies.Api(Now);

    public async Task InitializeAsync() => await _api.CreateStoreAsync();

    public async Task DisposeAsync()
    {
        await _api.DeleteStoreAsync();
        await _api.DisposeAsync();
        _policies.Dispose();
    }

    [Fact]
    public async Task Deliveries_CustomerCommentAfterReplyAndGroupChange_NextReplyAndTeamTargetsRun()
    {
        using var client = _api.CreateClient();
        // Opened 09:00 with Level 1; agent reply 09:30; handed to Level 2 at 09:45; the customer writes again at 11:00.
        await PostAsync(client, "ticket.created", "09:00", group: "Level 1");
        await PostAsync(client, "comment.public", "09:30", actor: ("7", "Agent"));
        await PostAsync(client, "ticket.changed", "09:45", group: "Level 2");
        await PostAsync(client, "comment.public", "11:00", actor: ("100", "End-user"));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/cases/desk/5001", UriKind.Relative));
        request.Headers.Add("x-api-key", CaseApi.Key);
        using var response = await client.SendAsync(request);
        var view = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertTarget(view, "firstResponse", "met", dueAt: "2026-03-09T11:00:00Z", metAt: "2026-03-09T09:30:00Z");
        // The customer's 11:00 message is answered within 4 office hours: 15:00.
        AssertTarget(view, "nextReply", "running", dueAt: "2026-03-09T15:00:00Z", metAt: null);
        // Level 1 handed it on after 45 min of its hour.
        AssertTarget(view, "levelOne", "met", dueAt: "2026-03-09T10:00:00Z", metAt: "2026-03-09T09:45:00Z");
        // Level 2 from 09:45: 7h15 on Monday, 45 min on Tuesday.
        AssertTarget(view, "levelTwo", "running", dueAt: "2026-03-10T09:45:00Z", metAt: null);
    }

    private static void AssertTarget(JsonNode view, string name, string state, string dueAt, string? metAt)
    {
        var target = view["targets"]!.AsArray().Single(t => (string)t!["name"]! == name)!;
        Assert.Equal((state, dueAt, metAt), ((string)target["state"]!, (string?)target["dueAt"], (string?)target["metAt"]));
    }

    private static async Task PostAsync(HttpClient client, string name, string time, string? group = null, (string Id, string Role)? actor = null)
    {
        var at = $"2026-03-09T{time}:00Z";
        var ticket = new JsonObject
        {
            ["id"] = "5001", ["title"] = "Invoices do not export", ["priority"] = "Normal", ["status"] = "open",
            ["created_at"] = "2026-03-09T09:00:00Z", ["updated_at"] = at, ["requester_id"] = "100",
        };
        if (group is not null)
        {
            ticket["group"] = group;
        }
        var body = new JsonObject
        {
            ["schema"] = "slafunctions.zendesk.v1", ["event"] = name, ["ticket"] = ticket,
            ["actor"] = actor is { } a ? new JsonObject { ["id"] = a.Id, ["role"] = a.Role } : null,
        }.ToJsonString();
        var timestamp = Now.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/desk", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(CaseApi.ZendeskSecret), Encoding.UTF8.GetBytes(timestamp + body));
        request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(signature));
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        using var response = await client.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name} {time}: {(int)response.StatusCode} {answer}");
        Assert.Equal("applied", (string)JsonNode.Parse(answer)!["outcome"]!);
    }
}
