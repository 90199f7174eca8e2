using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>GitHub's webhook form defaults to <c>application/x-www-form-urlencoded</c>: the JSON arrives as the form
/// field <c>payload</c>, and the signature covers the form body as sent.</summary>
public sealed class GitHubFormTests() : CaseApiTests(new CaseApi(Now).WithConnection("acme-github", "github", Secret))
{
    private const string Secret = "github-test-secret-0123456789";
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    private static readonly string Opened = new JsonObject
    {
        ["action"] = "opened",
        ["issue"] = new JsonObject
        {
            ["number"] = 1, ["title"] = "Spelling error in the README file & more", ["html_url"] = "https://github.com/Codertocat/Hello-World/issues/1",
            ["created_at"] = "2026-03-09T08:55:00Z", ["updated_at"] = "2026-03-09T08:55:00Z", ["labels"] = new JsonArray(),
            ["user"] = new JsonObject { ["login"] = "Codertocat" },
        },
        ["repository"] = new JsonObject { ["full_name"] = "Codertocat/Hello-World" },
    }.ToJsonString();

    private async Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(string body, string contentType, string connection = "acme-github")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/{connection}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Headers.Add("X-GitHub-Event", "issues");
        request.Headers.Add("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Fact]
    public async Task Receive_FormEncodedPayload_CaseStored()
    {
        var (response, body) = await PostAsync("payload=" + Uri.EscapeDataString(Opened).Replace("%20", "+", StringComparison.Ordinal), "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", (string)body!["outcome"]!);
        var stored = await Store.GetAsync(new CaseKey("acme-github", "Codertocat/Hello-World#1"), default);
        Assert.Equal("Spelling error in the README file & more", stored!.Snapshot.Title); // '+' read as a space, %26 as '&'
    }

    [Fact]
    public async Task Receive_FormAndJsonOfOneEvent_SameCase()
    {
        await PostAsync(Opened, "application/json");

        var (_, body) = await PostAsync("payload=" + Uri.EscapeDataString(Opened), "application/x-www-form-urlencoded");

        Assert.Equal("duplicate", (string)body!["outcome"]!); // the same X-GitHub-Delivery
    }

    [Theory]
    [InlineData("other=1")] // no payload field
    [InlineData("payload=")] // an empty one
    public async Task Receive_FormWithoutPayload_Is400NamingIt(string form)
    {
        var (response, problem) = await PostAsync(form, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem!["errors"]!.AsArray(), e => (string)e!["path"]! == "payload");
    }

    [Fact]
    public async Task Receive_FormForAToolThatSendsJson_Is415()
    {
        var (response, _) = await PostAsync("payload=" + Uri.EscapeDataString(Opened), "application/x-www-form-urlencoded", connection: "acme-zendesk");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
