using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary><c>GET /api/connections/{connection}/deliveries</c>: the last deliveries the webhook endpoint answered, with
/// outcome and reason, bounded, guarded like the read API, and holding no secret.</summary>
public sealed class ConnectionDeliveriesTests() : CaseApiTests(new CaseApi(Now))
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    [Fact]
    public async Task Get_AfterDeliveries_ListsEachWithOutcomeAndReasonNewestFirst()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Ticket("ticket.created", "Awaiting parts"), CaseApi.ZendeskSecret, minutes: 0));
        Assert.Equal(HttpStatusCode.OK, await PostAsync("{\"say\": \"hello\"}", CaseApi.ZendeskSecret, minutes: 1));
        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync("{\"say\": \"hello\"}", "wrong-secret-0123456789abcdef", minutes: 2));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{\"event\": \"ticket.changed\", \"ticket\": {}}", CaseApi.ZendeskSecret, minutes: 3));

        var (status, body) = await GetAsync("ACME-zendesk", CaseApi.Key); // any letter case finds the connection

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("acme-zendesk", (string)body!["connection"]!);
        var rows = body["deliveries"]!.AsArray().Select(d => d!).ToList();
        Assert.Equal(["refused", "refused", "ignored", "applied"], rows.Select(d => (string)d["outcome"]!));
        Assert.Equal([400, 401, 200, 200], rows.Select(d => (int)d["status"]!));
        Assert.Contains("schema", (string)rows[0]["reason"]!, StringComparison.Ordinal);
        Assert.Contains("matches neither secret", (string)rows[1]["reason"]!, StringComparison.Ordinal);
        Assert.Contains("Test webhook", (string)rows[2]["reason"]!, StringComparison.Ordinal);
        Assert.Contains("'Awaiting parts' maps to no case status", (string)rows[3]["reason"]!, StringComparison.Ordinal);
        Assert.Equal("77", (string)rows[3]["externalId"]!);
        Assert.Equal("2026-03-09T09:03:00Z", (string)rows[0]["at"]!);
        Assert.DoesNotContain(CaseApi.ZendeskSecret, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AfterMoreThanItKeeps_KeepsTheLast50()
    {
        for (var i = 0; i < 55; i++)
        {
            await PostAsync("{\"say\": \"hello\"}", CaseApi.ZendeskSecret, minutes: i);
        }

        var (_, body) = await GetAsync("acme-zendesk", CaseApi.Key);

        var at = body!["deliveries"]!.AsArray().Select(d => (string)d!["at"]!).ToList();
        Assert.Equal(50, at.Count);
        Assert.Equal("2026-03-09T09:54:00Z", at[0]);
        Assert.Equal("2026-03-09T09:05:00Z", at[^1]);
    }

    [Theory]
    [InlineData("acme-zendesk", null, HttpStatusCode.Unauthorized)] // guarded like the read API
    [InlineData("acme-nothing", CaseApi.Key, HttpStatusCode.NotFound)]
    public async Task Get_WithoutKeyOrForAnUnknownConnection_ProblemJson(string connection, string? key, HttpStatusCode expected)
    {
        var (status, body) = await GetAsync(connection, key);

        Assert.Equal(expected, status);
        Assert.NotNull(body!["title"]);
    }

    private static string Ticket(string name, string status) => new JsonObject
    {
        ["schema"] = "slafunctions.zendesk.v1", ["event"] = name,
        ["ticket"] = new JsonObject
        {
            ["id"] = "77", ["title"] = "Printer on fire", ["priority"] = "High", ["status"] = status,
            ["created_at"] = "2026-03-09T08:00Z", ["updated_at"] = "2026-03-09T08:00Z", ["requester_id"] = "100",
        },
    }.ToJsonString();

    private async Task<HttpStatusCode> PostAsync(string body, string secret, int minutes)
    {
        var at = Now + Duration.FromMinutes(minutes);
        Api.Clock.Reset(at);
        var timestamp = at.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/acme-zendesk", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + body));
        request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(signature));
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        using var response = await Client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string connection, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/connections/{connection}/deliveries", UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("x-api-key", key);
        }
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
