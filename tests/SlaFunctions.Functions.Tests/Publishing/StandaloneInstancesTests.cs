using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Xunit;

namespace SlaFunctions.Functions.Tests.Publishing;

/// <summary>Two copies of the published app, standalone with the default sweep schedule, on the same tables and queue:
/// each warning is emailed once, and killing one copy (kill -9) while warnings come due loses none and doubles none.
/// The cases are LiveOps Low (first response within 8 hours, 24x7), opened so that the assignee's 75 % warning
/// falls a few seconds after they are posted.</summary>
public sealed class StandaloneInstancesTests : IAsyncLifetime
{
    private const string Secret = "instances-test-secret-0123456789";
    private const int Cases = 24;
    private static readonly string[] Tables = ["Cases", "Due", "Outbox", "Deliveries", "Poison", "WebhookLog"];
    private readonly string _suffix = "two" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _mail = Path.Combine(Path.GetTempPath(), "slafunctions-instances-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly List<StandaloneInstance> _instances = [];

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_mail);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        foreach (var table in Tables.Where(t => t != "Due"))
        {
            await service.DeleteTableAsync(Table(table));
        }
        await new SlaFunctions.Storage.Cases.DueIndex(service, Table("Due")).DropAllAsync(default);
        await new QueueClient("UseDevelopmentStorage=true", _suffix).DeleteIfExistsAsync();
        if (Directory.Exists(_mail))
        {
            Directory.Delete(_mail, recursive: true);
        }
    }

    [Fact]
    public async Task TwoInstances_DefaultSettings_EachWarningEmailedOnce()
    {
        var (a, b) = (await StartAsync(), await StartAsync());

        await PostCasesAsync(a);
        await WaitForEveryEmailAsync();

        AssertEachNoticeSentOnce();
        Assert.Equal(Cases, await SentDeliveriesAsync());
        Assert.DoesNotContain("Exception", a.Output + b.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstances_OneKilledWhileWarningsComeDue_NoneLostNoneDoubled()
    {
        // Shorter than the defaults (10 minutes, 2 minutes), so that what the killed copy held, a queued message
        // or a claimed recipient, comes back to the other within the test.
        var faster = new Dictionary<string, string> { ["Sweep__RequeueAfter"] = "00:00:05", ["Notices__ClaimLease"] = "00:00:05" };
        var (a, b) = (await StartAsync(faster), await StartAsync(faster));

        var first = await PostCasesAsync(a);
        // Killed once the first warning is due and being worked on: mid-sweep or mid-send, whichever it is in.
        while (Directory.GetFiles(_mail, "*.eml").Length == 0 && DateTimeOffset.UtcNow < first + TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }
        await a.KillAsync();
        await WaitForEveryEmailAsync();

        AssertEachNoticeSentOnce();
        Assert.Equal(Cases, await SentDeliveriesAsync());
        Assert.DoesNotContain("Exception", b.Output, StringComparison.Ordinal);
    }

    private async Task<StandaloneInstance> StartAsync(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage__QueueName"] = _suffix,
            ["Webhooks__Connections__desk__Source"] = "zendesk",
            ["Webhooks__Connections__desk__Secrets__0"] = Secret,
            ["Webhooks__Connections__desk__Policy"] = "liveops",
            ["Email__Pickup__Folder"] = _mail,
            ["Logging__Console__LogLevel__SlaFunctions.Monitoring.Sending"] = "Information",
        };
        foreach (var table in Tables)
        {
            settings[$"Storage__{table}Table"] = Table(table);
        }
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        var instance = await StandaloneInstance.StartAsync(settings);
        _instances.Add(instance);
        return instance;
    }

    private string Table(string name) => name.ToLowerInvariant() + _suffix;

    // Posts the cases, whose warnings fall over the 3 seconds from 2 seconds after posting; returns the first.
    private static async Task<DateTimeOffset> PostCasesAsync(StandaloneInstance instance)
    {
        using var client = new HttpClient { BaseAddress = instance.Url };
        var first = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        for (var i = 0; i < Cases; i++)
        {
            var warning = first + TimeSpan.FromMilliseconds(i * 3000 / Cases);
            using var response = await client.SendAsync(Signed(i.ToString(CultureInfo.InvariantCulture), warning - TimeSpan.FromHours(6)));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"case {i}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return first;
    }

    // Waits (at most 2 minutes) until every case has its email and nothing is left in the outbox.
    private async Task WaitForEveryEmailAsync()
    {
        var outbox = new TableClient("UseDevelopmentStorage=true", Table("Outbox"));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            var emails = Directory.GetFiles(_mail, "*.eml").Length;
            // The outbox's notices are in partition "pending" (the sweep's checkpoint shares the table).
            if (emails >= Cases && !await outbox.QueryAsync<TableEntity>(e => e.PartitionKey == "pending", select: ["RowKey"]).AnyAsync())
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"{Directory.GetFiles(_mail, "*.eml").Length} of {Cases} emails after 2 minutes:\n{string.Join("\n", _instances.Select(i => i.Output))}");
    }

    private void AssertEachNoticeSentOnce()
    {
        var emails = Directory.GetFiles(_mail, "*.eml").Select(Path.GetFileName).ToList();
        var sends = _instances.SelectMany(i => i.Sends).ToList();

        // One email per case (the pickup file is named after the case and the notice), and no notice sent twice.
        Assert.Equal(Cases, emails.Count);
        Assert.Equal(Enumerable.Range(0, Cases), emails.Select(e => int.Parse(e!.Split('_')[1], CultureInfo.InvariantCulture)).Order());
        Assert.Equal(sends.Count, sends.Distinct(StringComparer.Ordinal).Count());
    }

    private async Task<int> SentDeliveriesAsync()
    {
        var deliveries = new TableClient("UseDevelopmentStorage=true", Table("Deliveries"));
        var states = await deliveries.QueryAsync<TableEntity>(select: ["State"]).Select(r => r.GetString("State")).ToListAsync();
        Assert.All(states, s => Assert.Equal("Sent", s));
        return states.Count;
    }

    private static HttpRequestMessage Signed(string id, DateTimeOffset opened)
    {
        var created = opened.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var body = $$$"""
            {"schema":"slafunctions.zendesk.v1","event":"ticket.created","ticket":{"id":"{{{id}}}","title":"Phones down","priority":"Low","status":"Open",
             "created_at":"{{{created}}}","updated_at":"{{{created}}}","requester_id":"100","requester_email":"ana@acme.example","assignee_email":"bo@vendor.example"},
             "actor":{"id":"100","role":"End-user"}}
            """;
        // The real process reads the real clock, so the signature carries the real time.
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/desk", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(at + body))));
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", at);
        request.Headers.Add("x-zendesk-webhook-invocation-id", "two-" + id);
        return request;
    }
}
