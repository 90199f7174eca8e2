using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Policies;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Zendesk trigger deliveries, signed as Zendesk signs them, through the real endpoint onto Azurite.</summary>
public sealed partial class WebhookEndpointsTests : IAsyncLifetime
{
    // The app's clock: Monday 2026-03-09 09:00 UTC. A LumenVox Major case opened Friday 23:30 GMT.
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly CaseApi _api = new(Now);
    private CaseStore _store = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _store = await _api.CreateStoreAsync();
        _client = _api.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DeleteStoreAsync();
    }

    private static string Body(string name, string id, string updatedAt, string status = "Open", string role = "Agent", string priority = "High",
        string createdAt = "2026-03-06T23:30Z", string title = "Calls drop after 30 s") =>
        new JsonObject
        {
            ["schema"] = "slafunctions.zendesk.v1",
            ["event"] = name,
            ["ticket"] = new JsonObject
            {
                ["id"] = id, ["title"] = title, ["priority"] = priority, ["status"] = status,
                ["created_at"] = createdAt, ["updated_at"] = updatedAt,
                ["requester_id"] = "100", ["requester_email"] = "ana@acme.example", ["assignee_email"] = "bo@vendor.example",
            },
            ["actor"] = new JsonObject { ["id"] = role == "Agent" ? "7" : "100", ["role"] = role },
        }.ToJsonString();

    private Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(
        string body, string invocation, string connection = "acme-zendesk", string? secret = CaseApi.ZendeskSecret,
        Instant? signedAt = null, string contentType = "application/json") =>
        PostBytesAsync(Encoding.UTF8.GetBytes(body), invocation, connection, secret, signedAt, contentType);

    // The body as bytes, so a test can send what no string encodes (invalid UTF-8).
    private async Task<(HttpResponseMessage Response, JsonNode? Body)> PostBytesAsync(
        byte[] body, string invocation, string connection = "acme-zendesk", string? secret = CaseApi.ZendeskSecret,
        Instant? signedAt = null, string contentType = "application/json")
    {
        var timestamp = (signedAt ?? Now).ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/{connection}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (secret is not null)
        {
            var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp), .. body]);
            request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(signature));
            request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        }
        request.Headers.Add("x-zendesk-account-id", "1");
        request.Headers.Add("x-zendesk-webhook-id", "w1");
        request.Headers.Add("x-zendesk-webhook-invocation-id", invocation);
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private Task<CaseRecord?> CaseAsync(string id) => _store.GetAsync(new CaseKey("acme-zendesk", id), default);

    [Fact]
    public async Task Receive_TicketCreated_CaseStoredWithItsClocks()
    {
        var (response, body) = await PostAsync(Body("ticket.created", "35436", "2026-03-06T23:30Z"), "i-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("applied", (string)body!["outcome"]!);
        var stored = await CaseAsync("35436");
        Assert.Equal("lumenvox", stored!.Snapshot.PolicyId); // from the connection, never the payload
        Assert.Equal("2", stored.Snapshot.OpenedSeverity); // Zendesk "High" is a LumenVox Major alias
        Assert.Equal(Instant.FromUtc(2026, 3, 6, 23, 30), stored.Snapshot.OpenedAt);
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 10, 30), stored.Snapshot.NextDueAt); // the seed's Monday 10:30
    }

    [Fact]
    public async Task Receive_Redelivery_ChangesNothingAndAnswers200()
    {
        await PostAsync(Body("ticket.created", "1", "2026-03-06T23:30Z"), "i-1");
        var comment = Body("comment.public", "1", "2026-03-07T00:10Z");
        await PostAsync(comment, "i-2");

        var (response, body) = await PostAsync(comment, "i-2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("duplicate", (string)body!["outcome"]!);
        var stored = await CaseAsync("1");
        Assert.Equal(2, stored!.Snapshot.Version);
        Assert.Single(stored.History, h => h.Event.Type == CaseEventType.AgentReply);
    }

    [Theory]
    [InlineData("wrong-secret-0123456789abcdef", 0, "matches neither secret")] // wrong secret
    [InlineData(null, 0, "is missing")] // unsigned
    [InlineData(CaseApi.ZendeskSecret, -30, "")] // signed half an hour ago: outside the replay window
    public async Task Receive_BadSignature_Is401AndWritesNothing(string? secret, int minutesOld, string detail)
    {
        var (response, body) = await PostAsync(Body("ticket.created", "9", "2026-03-06T23:30Z"), "i-9", secret: secret,
            signedAt: Now + Duration.FromMinutes(minutesOld));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (string)body!["detail"]!, StringComparison.Ordinal);
        Assert.Null(await CaseAsync("9"));
    }

    [Theory]
    [InlineData("{ \"schema\": \"slafunctions.zendesk.v1\", \"event\": ", HttpStatusCode.BadRequest)] // truncated JSON
    [InlineData("{ \"schema\": \"slafunctions.zendesk.v1\", \"event\": \"ticket.created\" }", HttpStatusCode.BadRequest)] // no ticket
    public async Task Receive_Unreadable_Is400AndWritesNothing(string body, HttpStatusCode status)
    {
        var (response, problem) = await PostAsync(body, "i-3");

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem!["detail"]));
        var indexed = 0;
        await foreach (var _ in _store.Due.BetweenAsync(Instant.FromUtc(2026, 3, 1, 0, 0), Instant.FromUtc(2026, 4, 1, 0, 0), default))
        {
            indexed++;
        }
        Assert.Equal(0, indexed); // nothing reached the due index either
    }

    [Fact]
    public async Task Receive_TimeWithoutOffset_Is400NamingTheField()
    {
        var (response, problem) = await PostAsync(Body("ticket.changed", "5", "2026-03-07T10:00"), "i-5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem!["errors"]!.AsArray(), e => ((string)e!["path"]!).Contains("updated_at", StringComparison.Ordinal));
        Assert.Null(await CaseAsync("5"));
    }

    [Fact]
    public async Task Receive_WrongContentTypeTooLargeUnknownConnection_Are4xx()
    {
        var ok = Body("ticket.created", "6", "2026-03-06T23:30Z");
        var (text, _) = await PostAsync(ok, "i-6", contentType: "text/plain");
        var (large, _) = await PostAsync(new string(' ', 300 * 1024) + ok, "i-7");
        var (unknown, _) = await PostAsync(ok, "i-8", connection: "nobody");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Null(await CaseAsync("6"));
    }

    [Fact]
    public async Task Receive_FiftyDistinctAndTwentyDuplicatesInParallel_SameClocksAsInOrder()
    {
        await PostAsync(Body("ticket.created", "42", "2026-03-06T23:30Z"), "create");
        // 50 replies alternating agent and customer, a minute apart from Saturday 00:00, plus 20 copies of one delivery.
        var distinct = Enumerable.Range(0, 50).Select(i => (Body("comment.public", "42", $"2026-03-07T00:{i:00}Z", role: i % 2 == 0 ? "Agent" : "End-user"), $"c{i}"));
        var copies = Enumerable.Range(0, 20).Select(_ => (Body("comment.public", "42", "2026-03-07T01:30Z"), "copy"));

        var results = await Task.WhenAll(distinct.Concat(copies).Select(d => Task.Run(() => PostAsync(d.Item1, d.Item2))));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.Response.StatusCode));
        Assert.Equal(19, results.Count(r => (string)r.Body!["outcome"]! == "duplicate"));
        var stored = await CaseAsync("42");
        var replies = stored!.History.Where(h => h.Event.Type is CaseEventType.AgentReply or CaseEventType.CustomerReply).ToList();
        Assert.Equal(51, replies.Count);
        Assert.Equal(51, replies.Select(r => r.DeliveryId).Distinct().Count());

        // The same history applied in order, in one go, gives the same clocks.
        var policy = PolicyReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "policies", "lumenvox.yaml")).Policy!;
        var inOrder = CaseEvaluation.Evaluate(policy, stored.Snapshot.OpenedAt, stored.Snapshot.OpenedSeverity, stored.History.OrderBy(h => h.Event.At), Now);
        Assert.Equal(inOrder.NextDueAt, stored.Snapshot.NextDueAt);
        Assert.Equal(inOrder.NextCheckAt, stored.Snapshot.NextCheckAt);
        Assert.Equal(inOrder.Breached, stored.Snapshot.Breached);
    }
}
