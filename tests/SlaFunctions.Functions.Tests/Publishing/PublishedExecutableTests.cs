using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc.Testing;
using NodaTime;
using SlaFunctions.Functions.Tests.Invocations;
using SlaFunctions.Notices.Tests.Hooks;
using Xunit;

namespace SlaFunctions.Functions.Tests.Publishing;

/// <summary>The published Native AOT executable started as the Functions host starts it: from the app folder, with
/// FUNCTIONS_CUSTOMHANDLER_PORT set, on Azurite. It runs the paths trimming could break: Table Storage (create,
/// transaction, point read, query, the start-up recompute), policy and .ics loading, source-generated JSON, settings
/// bound by the generator, and an outbound webhook.</summary>
public sealed class PublishedExecutableTests : IAsyncLifetime
{
    private const string Secret = "published-test-secret-0123456789";
    private const string HookSecret = "whsec_c2xhZnVuY3Rpb25zLWhvb2stc2VjcmV0LTAx";
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private PublishedInstance _app = null!;
    private HookReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _receiver = await HookReceiver.StartAsync(HookSecret, SystemClock.Instance.GetCurrentInstant);
        _app = await PublishedInstance.StartAsync(new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage__CasesTable"] = "aotcases" + _suffix,
            ["Storage__DueTable"] = "aotdue" + _suffix,
            ["Storage__OutboxTable"] = "aotoutbox" + _suffix,
            ["Storage__DeliveriesTable"] = "aotsent" + _suffix,
            ["Storage__PoisonTable"] = "aotpoison" + _suffix,
            ["Storage__WebhookLogTable"] = "aotwhlog" + _suffix,
            ["Hooks__Endpoints__ops__Url"] = _receiver.Url.ToString(),
            ["Hooks__Endpoints__ops__Secrets__0"] = HookSecret,
            ["Webhooks__Connections__acme__Source"] = "zendesk",
            ["Webhooks__Connections__acme__Secrets__0"] = Secret,
            ["Webhooks__Connections__acme__Policy"] = "lumenvox",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _receiver.DisposeAsync();
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        foreach (var table in new[] { "aotcases", "aotoutbox", "aotsent", "aotpoison" })
        {
            await service.DeleteTableAsync(table + _suffix);
        }
        await new SlaFunctions.Storage.Cases.DueIndex(service, "aotdue" + _suffix).DropAllAsync(default);
    }

    private string Output => _app.Output;

    [Fact]
    public async Task Executable_PreviewAcrossAnIcsHoliday_SameAnswerAsTheJitBuild()
    {
        // LUMEDX severity 2: one business day, on a calendar whose holidays come from us-business-holidays.ics; opened the
        // evening before Thanksgiving (2026-11-26), so the answer depends on the .ics being read.
        const string request = """{"policyId":"lumedx","severity":"2","openedAt":"2026-11-25T20:00:00Z","asOf":"2026-11-25T21:00:00Z"}""";
        await using var jit = new WebApplicationFactory<Program>();
        using var jitClient = jit.CreateClient();

        var aot = await PostJsonAsync(_app.Client, "/api/sla/preview", request);
        var expected = await PostJsonAsync(jitClient, "/api/sla/preview", request);

        Assert.Equal(HttpStatusCode.OK, expected.Status);
        Assert.Equal(expected.Status, aot.Status);
        Assert.Equal(expected.Body, aot.Body);
    }

    [Fact]
    public async Task Executable_WebhookThenCaseRead_OnTableStorage()
    {
        using var delivered = await PostTicketCreatedAsync("42");
        var read = await GetJsonAsync("/api/cases/acme/42");
        var list = await GetJsonAsync("/api/cases?state=open");

        Assert.True(delivered.StatusCode == HttpStatusCode.OK, $"{delivered.StatusCode}: {await delivered.Content.ReadAsStringAsync()}\n{Output}");
        Assert.Equal("lumenvox", read["policyId"]!.GetValue<string>());
        Assert.Equal("42", Assert.Single(list["items"]!.AsArray())!["externalId"]!.GetValue<string>());
        Assert.DoesNotContain("Exception", Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Executable_SweepThenSender_PostsEachTargetChangeAsASignedCloudEvent()
    {
        // A Major case opened now: the sweep's output binding carries its two targets' start, the sender posts each.
        using var delivered = await PostTicketCreatedAsync("43");
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);

        var swept = await InvokeAsync("sweep", Envelope.Timer());
        var changes = swept["Outputs"]!["escalations"]!.AsArray().Select(m => m!.GetValue<string>()).Where(m => m.Contains("\"stateChanged\"", StringComparison.Ordinal)).ToList();
        foreach (var change in changes)
        {
            await InvokeAsync("sender", Envelope.ServiceBus("notice", change, 1));
        }

        Assert.Equal(2, changes.Count);
        Assert.Equal(["firstResponse notStarted→running", "resolution notStarted→running"], _receiver.Accepted.Select(d => d.Change).Order(StringComparer.Ordinal));
        Assert.All(_receiver.Received, d => Assert.True(d.Verified, $"{d.Id} did not verify"));
        Assert.Equal(("com.slafunctions.target.running", "43", "2"), (_receiver.Received[0].Type, _receiver.Received[0].Json.GetProperty("subject").GetString(),
            _receiver.Received[0].Json.GetProperty("data").GetProperty("severity").GetString()));
        Assert.DoesNotContain("Exception", Output, StringComparison.Ordinal);
    }

    // A Zendesk ticket created now, at priority High (LumenVox Major), signed with the connection's secret.
    private async Task<HttpResponseMessage> PostTicketCreatedAsync(string id)
    {
        // The real process reads the real clock, so the signature must carry the real time.
        var now = SystemClock.Instance.GetCurrentInstant();
        var at = now.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var body = $$$"""
            {"schema":"slafunctions.zendesk.v1","event":"ticket.created","ticket":{"id":"{{{id}}}","title":"Calls drop","priority":"High",
             "status":"Open","created_at":"{{{at}}}","updated_at":"{{{at}}}","requester_id":"100","requester_email":"ana@acme.example"},
             "actor":{"id":"100","role":"EndUser"}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/acme", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(at + body))));
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", at);
        request.Headers.Add("x-zendesk-webhook-invocation-id", "aot-" + id);
        return await _app.Client.SendAsync(request);
    }

    private Task<JsonNode> InvokeAsync(string function, string envelope) => _app.InvokeAsync(function, envelope);

    [Fact]
    public async Task Executable_Health_ListsEveryPolicy()
    {
        var health = await GetJsonAsync("/api/health");

        Assert.Equal(["liveops", "lumedx", "lumedx-deluxe", "lumedx-premium", "lumenvox", "phonism", "xecuritas"], health["policies"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Theory]
    [InlineData("/api/ui/", "text/html")]
    [InlineData("/api/ui/js/api.js", "text/javascript")]
    public async Task Executable_BoardPages_ServedWhereThePagesFunctionProxies(string path, string mediaType)
    {
        using var response = await _app.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode}\n{Output}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await _app.Client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {response.StatusCode} {text}\n{Output}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostJsonAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
