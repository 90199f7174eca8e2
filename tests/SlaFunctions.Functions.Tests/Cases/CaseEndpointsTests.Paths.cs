using System.Net;
using System.Text.Json.Nodes;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Case ids holding characters a URL must encode: each reads back through the URL the timeline page builds
/// (every part percent-encoded once), and an encoded dot segment never turns a case read into the listing.</summary>
public sealed partial class CaseEndpointsTests
{
    // The request line exactly as written: HttpClient would otherwise decode %2E and drop a ".." segment itself.
    private static readonly UriCreationOptions AsWritten = new() { DangerousDisablePathAndQueryCanonicalization = true };

    // On Kestrel, as deployed: the test server neither decodes paths as Kestrel does nor takes a request line as written.
    private async Task<(HttpResponseMessage, JsonNode?)> GetRawAsync(string path)
    {
        // A listener on a free loopback port set on Kestrel's options: UseKestrel(0) sets it through the server's
        // address list after the app has started Kestrel, a race that now and then throws "Addresses cannot be
        // modified after the server has started" (dotnet/aspnetcore#67714).
        _api.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path, AsWritten));
        request.Headers.Add("x-api-key", CaseApi.Key);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Theory]
    [InlineData("Codertocat/Hello-World#1")] // GitHub: owner/repo#number
    [InlineData("a/b/c")] // more than one slash
    [InlineData("50%/off?")] // a percent sign and a question mark
    [InlineData("%2F")] // the text of an escape, which must not be decoded twice
    [InlineData("..")] // a dot segment, a valid if odd id
    [InlineData("Ünïcode ticket")] // non-ASCII and a space
    public async Task GetCase_IdWithReservedCharacters_RoundTrips(string id)
    {
        await SeedCaseAsync(new CaseKey("acme-zendesk", id));

        var (response, body) = await GetRawAsync($"/api/cases/acme-zendesk/{Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, (string)body!["externalId"]!);
    }

    [Theory]
    [InlineData("/api/cases/zd/%2E%2E")] // connection zd, id "..": a case read, not the list
    [InlineData("/api/cases/acme-zendesk/%2e")]
    [InlineData("/api/cases/acme-zendesk/x/%2E%2E")]
    public async Task GetCase_EncodedDotSegments_AreNotTheListing(string path)
    {
        var (response, body) = await GetRawAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(body!["items"]);
    }

    [Theory]
    [InlineData("DELETE", "/api/cases/acme-zendesk/1", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/webhooks/acme-zendesk", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/api/nothing-here", HttpStatusCode.NotFound)]
    public async Task RoutingRefusals_CarryProblemJson(string method, string path, HttpStatusCode status)
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Add("x-api-key", CaseApi.Key);

        using var response = await client.SendAsync(request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, (int)body["status"]!);
        Assert.Contains(method, (string)body["detail"]!, StringComparison.Ordinal);
    }
}
