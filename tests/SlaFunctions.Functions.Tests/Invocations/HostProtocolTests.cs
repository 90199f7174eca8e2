using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Xunit;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The readiness ping and proxied HTTP functions: with <c>enableProxyingHttpRequest</c> the host forwards the
/// caller's request (path, headers, raw body) to the app's own routes and returns the app's answer unchanged.</summary>
public sealed class HostProtocolTests : IAsyncLifetime
{
    private readonly FunctionsHostApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        await service.DeleteTableAsync(_api.CasesTable);
        await new SlaFunctions.Storage.Cases.DueIndex(service, _api.DueTable).DropAllAsync(default);
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Readiness_GetRoot_200()
    {
        using var client = _api.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Standalone_NoHostRoutes()
    {
        await using var standalone = new FunctionsHostApi(behindHost: false);
        using var client = standalone.CreateClient();
        using var content = new StringContent(Envelope.Timer(), Encoding.UTF8, "application/json");

        using var root = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var sweep = await client.PostAsync(new Uri("/sweep", UriKind.Relative), content);

        // Standalone, "/" is the SLA board's page, not the host's readiness ping.
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, sweep.StatusCode);
        Assert.Equal(0, standalone.Sweep.Runs);
    }

    [Fact]
    public async Task ProxiedHealth_WithHostHeaders_200()
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/health", UriKind.Relative));
        HostHeaders.AddTo(request);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ok", body["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProxiedCaseRead_NoApiKey_ServedBecauseTheHostCheckedTheFunctionKey()
    {
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/cases/acme-zendesk/404?code=host-function-key", UriKind.Relative));
        HostHeaders.AddTo(request);
        request.Headers.Add("x-functions-key", "host-function-key");

        using var response = await client.SendAsync(request);

        // 404 "No such case" (not 401): under the host, authLevel function guards the route and the app's own key check stands aside.
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such case", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProxiedWebhook_SignatureOverTheRawBody_Applied()
    {
        // Deliberate spacing and key order: a proxy that re-serialized the body would break the signature.
        const string body = """
            {"schema":"slafunctions.zendesk.v1",  "event":"ticket.created",
             "ticket":{"id":"77","title":"Calls drop","priority":"High","status":"Open","created_at":"2026-03-06T23:30Z",
                       "updated_at":"2026-03-06T23:30Z","requester_id":"100","requester_email":"ana@acme.example"},
             "actor":{"id":"100","role":"EndUser"}}
            """;
        var timestamp = _api.Clock.GetCurrentInstant().ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var client = _api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/acme-zendesk", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(FunctionsHostApi.ZendeskSecret), Encoding.UTF8.GetBytes(timestamp + body));
        request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(signature));
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        request.Headers.Add("x-zendesk-webhook-invocation-id", "proxied-1");
        HostHeaders.AddTo(request);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["outcome"]!.GetValue<string>());
    }
}
