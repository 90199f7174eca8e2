using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;

// Load test for webhook ingestion (issue 3). Run by eng/load.sh, which starts Azurite and the app.
// 1. The raw Azurite rate: single-entity upserts into a fresh table, at the same concurrency.
// 2. 10k signed Zendesk trigger deliveries over 1k cases to POST /api/webhooks/{connection}: creations first, then
//    agent replies, customer replies and status changes spread over the cases.
// Each is measured after a warm-up that is not counted (1k upserts; 2k deliveries over 200 other cases), so the
// figures are of a running app and a running Azurite, not of the JIT compiling their first requests.
var options = Args.Parse(args);
var ci = CultureInfo.InvariantCulture;

var raw = await RawUpsertRateAsync(options);
using var http = new HttpClient { BaseAddress = new Uri(options.Url), Timeout = TimeSpan.FromSeconds(30) };
var warmUp = Deliveries(options with { Cases = 200, Webhooks = options.Warmup }, "w").ToList();
var warmed = await RunAsync(http, warmUp, options);
Console.WriteLine(string.Create(ci, $"warm-up, not counted: {warmUp.Count} webhooks over 200 other cases, {warmed.Count(r => !r.Ok)} failures"));
Console.WriteLine(string.Create(ci, $"raw Azurite single-entity upserts: {raw:F0}/s ({options.RawUpserts} upserts, concurrency {options.Concurrency})"));

var deliveries = Deliveries(options, "").ToList();
var creations = deliveries.Take(options.Cases).ToList();
var rest = deliveries.Skip(options.Cases).ToList();
var latencies = new List<double>();
var failures = 0;
var clock = Stopwatch.StartNew();
foreach (var batch in new[] { creations, rest })
{
    var results = await RunAsync(http, batch, options);
    var phase = results.Where(r => r.Ok).Select(r => r.Milliseconds).Order().ToList();
    Console.WriteLine(string.Create(ci, $"  {(batch == creations ? "creations" : "later deliveries")}: {phase.Count}, p50 {Percentile(phase, 50):F1} ms, p99 {Percentile(phase, 99):F1} ms"));
    latencies.AddRange(results.Where(r => r.Ok).Select(r => r.Milliseconds));
    failures += results.Count(r => !r.Ok);
}
clock.Stop();
latencies.Sort();
var rate = deliveries.Count / clock.Elapsed.TotalSeconds;
Console.WriteLine(string.Create(ci, $"webhooks: {deliveries.Count} over {options.Cases} cases in {clock.Elapsed.TotalSeconds:F1} s = {rate:F0}/s; p50 {Percentile(latencies, 50):F1} ms, p99 {Percentile(latencies, 99):F1} ms; failures {failures}"));
Console.WriteLine(string.Create(ci, $"ratio to raw upsert rate: {rate / raw:P0}"));
return failures == 0 ? 0 : 1;

static double Percentile(List<double> sorted, double p) =>
    sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

static async Task<double> RawUpsertRateAsync(Args options)
{
    var table = new TableServiceClient(options.Storage).GetTableClient("rawrate" + Guid.NewGuid().ToString("N")[..8]);
    await table.CreateIfNotExistsAsync();
    try
    {
        async Task UpsertAsync(int count)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    await table.UpsertEntityAsync(new TableEntity($"p{i % 1000}", "row") { ["Value"] = i });
                }
            }));
        }
        await UpsertAsync(1000); // warm-up, not counted
        var clock = Stopwatch.StartNew();
        await UpsertAsync(options.RawUpserts);
        return options.RawUpserts / clock.Elapsed.TotalSeconds;
    }
    finally
    {
        await table.DeleteAsync();
    }
}

static async Task<List<(bool Ok, double Milliseconds)>> RunAsync(HttpClient http, List<Delivery> batch, Args options)
{
    var results = new (bool, double)[batch.Count];
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < batch.Count)
        {
            var clock = Stopwatch.StartNew();
            using var request = Sign(batch[i], options);
            using var response = await http.SendAsync(request);
            results[i] = (response.IsSuccessStatusCode, clock.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode && i < 5)
            {
                Console.Error.WriteLine($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
        }
    }));
    return [.. results];
}

static HttpRequestMessage Sign(Delivery delivery, Args options)
{
    // Zendesk: base64(HMAC-SHA256(secret, timestamp + body)), timestamp ISO-8601 UTC.
    var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Secret), Encoding.UTF8.GetBytes(timestamp + delivery.Body)));
    var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{options.Connection}")
    {
        Content = new StringContent(delivery.Body, Encoding.UTF8),
    };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    request.Headers.Add("X-Zendesk-Webhook-Signature", signature);
    request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
    request.Headers.Add("x-zendesk-account-id", "1");
    request.Headers.Add("x-zendesk-webhook-id", "load");
    request.Headers.Add("x-zendesk-webhook-invocation-id", delivery.Invocation);
    return request;
}

// Ticket ids and delivery ids start with prefix, so the warm-up's cases and deliveries are not the measured ones.
static IEnumerable<Delivery> Deliveries(Args options, string prefix)
{
    // Cases opened a quarter of an hour before the run, events since: what a ticket tool sends live. (Old cases would
    // have months of escalation points due that no sweep has marked, which the run does not measure.)
    var random = new Random(20261122);
    var now = DateTimeOffset.UtcNow;
    var opened = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-15);
    for (var c = 0; c < options.Cases; c++)
    {
        yield return new Delivery($"{prefix}c{c}", Body("ticket.created", prefix + c, opened, opened, "Open", "Agent", "High"));
    }
    for (var n = options.Cases; n < options.Webhooks; n++)
    {
        var c = random.Next(options.Cases);
        var at = opened.AddMinutes(1 + random.Next(14));
        yield return random.Next(4) switch
        {
            0 => new Delivery($"{prefix}n{n}", Body("comment.public", prefix + c, opened, at, "Open", "Agent", "High")),
            1 => new Delivery($"{prefix}n{n}", Body("comment.public", prefix + c, opened, at, "Open", "End-user", "High")),
            2 => new Delivery($"{prefix}n{n}", Body("ticket.changed", prefix + c, opened, at, "Pending", "Agent", "High")),
            _ => new Delivery($"{prefix}n{n}", Body("ticket.changed", prefix + c, opened, at, "Open", "Agent", "Urgent")),
        };
    }
}

static string Body(string name, string c, DateTimeOffset opened, DateTimeOffset at, string status, string role, string priority)
{
    var created = opened.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
    var stamp = at.ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
    return $$$"""
        {"schema":"slafunctions.zendesk.v1","event":"{{{name}}}","ticket":{"id":"{{{c}}}","title":"Load case {{{c}}}","priority":"{{{priority}}}","status":"{{{status}}}","created_at":"{{{created}}}","updated_at":"{{{stamp}}}","requester_id":"100","requester_email":"ana@acme.example","assignee_email":"bo@vendor.example"},"actor":{"id":"{{{(role == "Agent" ? "7" : "100")}}}","role":"{{{role}}}"}}
        """;
}

internal sealed record Delivery(string Invocation, string Body);

internal sealed record Args(string Url, string Connection, string Secret, string Storage, int Cases, int Webhooks, int Concurrency, int RawUpserts, int Warmup)
{
    public static Args Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            map[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string key, string fallback) => map.TryGetValue(key, out var value) ? value : fallback;
        return new Args(
            Get("url", "http://127.0.0.1:7190"),
            Get("connection", "loadtest"),
            Get("secret", "load-test-secret-0123456789"),
            Get("storage", "UseDevelopmentStorage=true"),
            int.Parse(Get("cases", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Get("webhooks", "10000"), CultureInfo.InvariantCulture),
            int.Parse(Get("concurrency", "4"), CultureInfo.InvariantCulture),
            int.Parse(Get("raw", "5000"), CultureInfo.InvariantCulture),
            int.Parse(Get("warmup", "2000"), CultureInfo.InvariantCulture));
    }
}
