using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>A value the connection cannot map is kept on the case (a field, not only a note) and shown: the case view,
/// the board's marker and <c>/api/health</c>, which stays 200 (a warning, not an outage). A later delivery that maps the
/// field clears it.</summary>
public sealed class UnmappedValueTests() : CaseApiTests(new CaseApi(Now))
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    [Fact]
    public async Task Receive_UnmappedStatusAndPriority_KeptOnCaseBoardAndHealth()
    {
        await SendAsync(Zendesk("ticket.created", "Awaiting parts", "P9", "2026-03-09T08:00Z"));

        var view = await GetAsync("/api/cases/acme-zendesk/4711", HttpStatusCode.OK);
        Assert.Equal(["status: Awaiting parts", "priority: P9"], Values(view["unmapped"]));

        var board = await GetAsync("/api/board", HttpStatusCode.OK);
        var card = board["cases"]!.AsArray().Single(c => (string)c!["externalId"]! == "4711")!;
        Assert.Equal(["status: Awaiting parts", "priority: P9"], Values(card["unmapped"]));

        var health = await GetAsync("/api/health", HttpStatusCode.OK);
        Assert.Equal("ok", (string)health["status"]!);
        Assert.Equal(["priority: P9", "status: Awaiting parts"], Values(health["unmapped"]!["acme-zendesk"]));
    }

    [Fact]
    public async Task Receive_LaterDeliveryMapsTheStatus_StatusEntryCleared()
    {
        await SendAsync(Zendesk("ticket.created", "New", "Normal", "2026-03-09T08:00Z", id: "4712"));
        await SendAsync(Zendesk("ticket.changed", "Awaiting parts", "Normal", "2026-03-09T08:10Z", id: "4712"));
        Assert.Equal(["status: Awaiting parts"], Values((await GetAsync("/api/cases/acme-zendesk/4712", HttpStatusCode.OK))["unmapped"]));

        await SendAsync(Zendesk("ticket.changed", "Pending", "Normal", "2026-03-09T08:20Z", id: "4712"));

        Assert.Empty(Values((await GetAsync("/api/cases/acme-zendesk/4712", HttpStatusCode.OK))["unmapped"]));
    }

    private static string[] Values(JsonNode? array) => [.. array!.AsArray().Select(v => (string)v!)];

    private static HttpRequestMessage Zendesk(string name, string status, string priority, string updatedAt, string id = "4711")
    {
        var body = new JsonObject
        {
            ["schema"] = "slafunctions.zendesk.v1", ["event"] = name,
            ["ticket"] = new JsonObject
            {
                ["id"] = id, ["title"] = "Calls drop", ["priority"] = priority, ["status"] = status,
                ["created_at"] = "2026-03-09T08:00Z", ["updated_at"] = updatedAt, ["requester_id"] = "100",
            },
            ["actor"] = new JsonObject { ["id"] = "7", ["role"] = "Agent" },
        }.ToJsonString();
        var timestamp = Now.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/acme-zendesk", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(CaseApi.ZendeskSecret), Encoding.UTF8.GetBytes(timestamp + body));
        request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(signature));
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        return request;
    }

    private async Task SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        }
    }

    private async Task<JsonNode> GetAsync(string path, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("x-api-key", CaseApi.Key);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
