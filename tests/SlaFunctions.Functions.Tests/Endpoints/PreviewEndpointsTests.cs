using Xunit;
using System.Net;
using System.Text.Json.Nodes;

namespace SlaFunctions.Functions.Tests.Endpoints;

public sealed partial class PreviewEndpointsTests : IClassFixture<PreviewEndpointsTests.Host>
{
    private readonly PreviewApi _api;

    public PreviewEndpointsTests(Host host) => _api = host.Api;

    public sealed class Host : IDisposable
    {
        public PreviewApi Api { get; } = new();

        public void Dispose() => Api.Dispose();
    }

    private static string Request(string severity, string openedAt, string? asOf = null, string events = "[]", string? policy = null) => $$"""
        { "policy": {{policy ?? PreviewApi.XecuritasPolicy}}, "severity": "{{severity}}", "openedAt": "{{openedAt}}",
          {{(asOf is null ? "" : $"\"asOf\": \"{asOf}\",")}} "events": {{events}} }
        """;

    private static JsonNode Target(JsonNode body, string name) =>
        body["targets"]!.AsArray().Single(t => (string)t!["name"]! == name)!;

    [Fact]
    public async Task Preview_SpecExample_ReturnsEveryTargetOfTheSeverityAtAsOf()
    {
        // Fri 2026-03-06 09:00 EST; business 08-19 ET; NY springs forward Sun 2026-03-08.
        var (response, body) = await _api.PostAsync(Request("2", "2026-03-06T14:00:00Z", "2026-03-09T12:00:00Z",
            """[{ "at": "2026-03-06T14:20:00Z", "type": "agentReply" }]"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("xecuritas", (string)body!["policyId"]!);
        Assert.Equal("2", (string)body["severity"]!);
        Assert.Equal("2026-03-09T12:00:00Z", (string)body["asOf"]!);
        var first = Target(body, "firstResponse");
        Assert.Equal("met", (string)first["state"]!);
        Assert.Equal("PT4H", (string)first["goal"]!);
        Assert.Equal("business", (string)first["calendar"]!);
        Assert.Equal("2026-03-06T18:00:00Z", (string)first["dueAt"]!);
        Assert.Equal("2026-03-06T14:20:00Z", (string)first["metAt"]!);
        Assert.Null(first["breachedAt"]);
        Assert.Null(first["remaining"]);
        Assert.True(first.AsObject().ContainsKey("breachedAt"), "null fields are written, not left out");
        // Update: started by the 09:20 EST reply; 1d = 24h of open time = 9h40m Fri (to 19:00) + 11h Mon + 3h20m Tue,
        // so due Tue 11:20 EDT; at Mon 08:00 EDT 14h20m remain.
        var update = Target(body, "update");
        Assert.Equal("running", (string)update["state"]!);
        Assert.Equal("2026-03-10T15:20:00Z", (string)update["dueAt"]!);
        Assert.Equal("PT14H20M", (string)update["remaining"]!);
        var resolution = Target(body, "resolution");
        Assert.Equal("2026-03-10T13:00:00Z", (string)resolution["dueAt"]!);
    }

    [Fact]
    public async Task Preview_SeverityAlias_IsMatchedCaseInsensitively()
    {
        var (response, body) = await _api.PostAsync(Request("CRITICAL", "2026-03-06T14:00:00Z", "2026-03-06T14:30:00Z"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", (string)body!["severity"]!);
        Assert.Equal("2026-03-06T15:00:00Z", (string)Target(body, "firstResponse")["dueAt"]!);
        Assert.Equal("PT30M", (string)Target(body, "firstResponse")["remaining"]!);
    }

    [Fact]
    public async Task Preview_OffsetInstant_IsTheSameMomentAsUtc()
    {
        var (_, body) = await _api.PostAsync(Request("1", "2026-03-06T09:00:00-05:00", "2026-03-06T09:30:00-05:00"));

        Assert.Equal("2026-03-06T15:00:00Z", (string)Target(body!, "firstResponse")["dueAt"]!);
        Assert.Equal("2026-03-06T14:30:00Z", (string)body!["asOf"]!);
    }

    [Fact]
    public async Task Preview_EventsOutOfOrder_GiveTheSameAnswerAsInOrder()
    {
        const string inOrder = """
            [{ "at": "2026-03-06T15:00:00Z", "type": "status", "status": "pending" },
             { "at": "2026-03-09T13:00:00Z", "type": "status", "status": "open" },
             { "at": "2026-03-09T14:00:00Z", "type": "severity", "severity": "1" }]
            """;
        const string shuffled = """
            [{ "at": "2026-03-09T14:00:00Z", "type": "severity", "severity": "1" },
             { "at": "2026-03-09T13:00:00Z", "type": "status", "status": "open" },
             { "at": "2026-03-06T15:00:00Z", "type": "status", "status": "pending" }]
            """;
        var (_, a) = await _api.PostAsync(Request("2", "2026-03-06T14:00:00Z", "2026-03-09T15:00:00Z", inOrder));
        var (_, b) = await _api.PostAsync(Request("2", "2026-03-06T14:00:00Z", "2026-03-09T15:00:00Z", shuffled));

        Assert.Equal(a!.ToJsonString(), b!.ToJsonString());
        Assert.Equal("1", (string)a["severity"]!);
    }
}
