using Xunit;
using System.Net;
using System.Text.Json.Nodes;

namespace SlaFunctions.Functions.Tests.Endpoints;

public sealed partial class PreviewEndpointsTests
{
    private static void AssertProblem(HttpResponseMessage response, JsonNode? body, HttpStatusCode status, string path, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, (int)body!["status"]!);
        Assert.Contains(detailContains, (string)body["detail"]!, StringComparison.Ordinal);
        if (path.Length > 0)
        {
            Assert.Contains(body["errors"]!.AsArray(), e => (string)e!["path"]! == path);
        }
    }

    [Fact]
    public async Task Preview_MalformedJson_Is400WithWhere()
    {
        var (response, body) = await _api.PostAsync("""{ "policyId": "x", "severity": """);

        AssertProblem(response, body, HttpStatusCode.BadRequest, "", "not valid JSON");
    }

    [Fact]
    public async Task Preview_WrongContentType_Is415()
    {
        var (response, body) = await _api.PostAsync(Request("1", "2026-03-06T14:00:00Z"), "text/plain");

        AssertProblem(response, body, HttpStatusCode.UnsupportedMediaType, "", "application/json");
    }

    [Fact]
    public async Task Preview_UnknownSeverity_Is400NamingTheField()
    {
        var (response, body) = await _api.PostAsync(Request("7", "2026-03-06T14:00:00Z"));

        AssertProblem(response, body, HttpStatusCode.BadRequest, "severity", "'7' is not a severity");
    }

    [Fact]
    public async Task Preview_UnknownSeverityInEvent_Is400NamingTheEvent()
    {
        var (response, body) = await _api.PostAsync(Request("1", "2026-03-06T14:00:00Z", "2026-03-06T15:00:00Z",
            """[{ "at": "2026-03-06T14:10:00Z", "type": "severity", "severity": "9" }]"""));

        AssertProblem(response, body, HttpStatusCode.BadRequest, "events[0].severity", "'9'");
    }

    [Theory]
    [InlineData("2026-03-06T14:00:00", "openedAt", "no offset")] // local time: the moment is unknown, never guessed
    [InlineData("2026-03-06 14:00", "openedAt", "not an ISO-8601 instant")] // not ISO at all
    public async Task Preview_BadOpenedAt_Is400(string openedAt, string path, string detail)
    {
        var (response, body) = await _api.PostAsync(Request("1", openedAt));

        AssertProblem(response, body, HttpStatusCode.BadRequest, path, detail);
    }

    [Fact]
    public async Task Preview_EventTimeWithoutOffset_Is400NamingTheEvent()
    {
        var (response, body) = await _api.PostAsync(Request("1", "2026-03-06T14:00:00Z", "2026-03-06T15:00:00Z",
            """[{ "at": "2026-03-06T14:10:00Z", "type": "agentReply" }, { "at": "2026-03-06T14:20:00", "type": "customerReply" }]"""));

        AssertProblem(response, body, HttpStatusCode.BadRequest, "events[1].at", "no offset");
    }

    [Fact]
    public async Task Preview_InvalidPolicy_Is400ListingEveryProblemWithItsPath()
    {
        var policy = PreviewApi.XecuritasPolicy
            .Replace("\"timeZone\": \"America/New_York\"", "\"timeZone\": \"America/Gotham\"", StringComparison.Ordinal)
            .Replace("\"every\": \"1d\"", "\"every\": \"3x\"", StringComparison.Ordinal)
            .Replace("\"calendar\": \"24x7\" }, \"resolution\"", "\"calendar\": \"nights\" }, \"resolution\"", StringComparison.Ordinal);

        var (response, body) = await _api.PostAsync(Request("1", "2026-03-06T14:00:00Z", policy: policy));

        AssertProblem(response, body, HttpStatusCode.BadRequest, "policy.calendars.business.timeZone", "America/Gotham");
        AssertProblem(response, body, HttpStatusCode.BadRequest, "policy.severities[1].targets.update.every", "'3x' is not a duration");
        AssertProblem(response, body, HttpStatusCode.BadRequest, "policy.severities[0].targets.firstResponse.calendar", "'nights'");
    }

    [Fact]
    public async Task Preview_UnknownPolicyId_Is400()
    {
        var (response, body) = await _api.PostAsync("""{ "policyId": "no-such-contract", "severity": "1", "openedAt": "2026-03-06T14:00:00Z" }""");

        AssertProblem(response, body, HttpStatusCode.BadRequest, "policyId", "no-such-contract");
    }

    [Fact]
    public async Task Preview_BothPolicyAndPolicyId_Is400()
    {
        var (response, body) = await _api.PostAsync($$"""{ "policy": {{PreviewApi.XecuritasPolicy}}, "policyId": "x", "severity": "1", "openedAt": "2026-03-06T14:00:00Z" }""");

        AssertProblem(response, body, HttpStatusCode.BadRequest, "policy", "exactly one");
    }

    [Fact]
    public async Task Preview_UnknownEventType_Is400()
    {
        var (response, body) = await _api.PostAsync(Request("1", "2026-03-06T14:00:00Z", null, """[{ "at": "2026-03-06T14:10:00Z", "type": "phoneCall" }]"""));

        AssertProblem(response, body, HttpStatusCode.BadRequest, "events[0].type", "'phoneCall'");
    }

    [Fact]
    public async Task Preview_BodyOverOneMebibyteWithoutContentLength_Is413()
    {
        // Streamed with no Content-Length: the bytes themselves are counted, so the limit still holds.
        var padded = "{ \"policyId\": \"x\", \"pad\": \"" + new string('a', 1100 * 1024) + "\" }";
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(padded)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = null;

        using var response = await _api.Client.PostAsync(new Uri("/api/sla/preview", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
