using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using SlaFunctions.Functions.Tests.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>Posts our CloudEvents to a CloudEvents connection (<c>acme-events</c> unless named), signed with Standard Webhooks as a real sender
/// would, at the fake clock's now.</summary>
public sealed class CaseEvents(CaseApi api, HttpClient client, string connection = "acme-events")
{
    private int _sequence;

    public async Task PostAsync(string caseId, string type, Instant at, JsonObject? data = null)
    {
        var id = $"{caseId}-evt-{Interlocked.Increment(ref _sequence)}";
        var body = new JsonObject
        {
            ["specversion"] = "1.0",
            ["type"] = "dev.slafunctions.case." + type,
            ["source"] = "https://desk.acme.example/cases",
            ["id"] = id,
            ["time"] = InstantPattern.ExtendedIso.Format(at),
            ["subject"] = caseId,
            ["datacontenttype"] = "application/json",
            ["data"] = data ?? [],
        }.ToJsonString();
        var timestamp = api.Clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var key = Convert.FromBase64String(CaseApi.EventsSecret["whsec_".Length..]);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{connection}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/cloudevents+json"),
        };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task OpenAsync(string caseId, Instant at, string priority, string title = "Calls drop after 30 seconds", string? assignee = "bo@vendor.example")
    {
        var data = new JsonObject
        {
            ["openedAt"] = InstantPattern.ExtendedIso.Format(at),
            ["priority"] = priority,
            ["title"] = title,
            ["url"] = $"https://desk.acme.example/cases/{caseId}",
            ["requester"] = "kim@acme.example",
        };
        if (assignee is not null)
        {
            data["assignee"] = assignee;
        }
        return PostAsync(caseId, "opened", at, data);
    }
}
