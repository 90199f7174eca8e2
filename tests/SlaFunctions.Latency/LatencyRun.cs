using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

/// <summary>Creates the cases, watches the pickup folder, prints the latency from each warning's point to its email.</summary>
internal sealed class LatencyRun(Args options, Uri url, string mail)
{
    // The LiveOps Low warning is at 75 % of 8 hours: 6 hours after opening.
    private static readonly TimeSpan WarnAfter = TimeSpan.FromHours(6);

    /// <summary>0 when every case had its email, none before its point and every webhook was accepted.</summary>
    public async Task<int> RunAsync()
    {
        var ci = CultureInfo.InvariantCulture;
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        var random = new Random(options.Seed);
        var start = DateTimeOffset.UtcNow;
        var points = Enumerable.Range(0, options.Cases)
            .Select(_ => start + TimeSpan.FromSeconds(options.Lead + (options.Spread * random.NextDouble())))
            .Select(at => new DateTimeOffset(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero))
            .ToArray();

        var next = -1;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < points.Length)
            {
                using var request = Sign(Body(CaseId(i), points[i] - WarnAfter), $"{options.Run}-{i}");
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                    Console.Error.WriteLine($"case {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        var posted = DateTimeOffset.UtcNow;
        Console.WriteLine(string.Create(ci, $"posted {points.Length} cases in {(posted - start).TotalSeconds:F1} s ({failures} refused); warnings due from +{(points.Min() - posted).TotalSeconds:F1} s to +{(points.Max() - posted).TotalSeconds:F1} s"));

        // Polled every 20 ms: the pickup sender renames a finished file into place, so a file seen is a whole email.
        var seen = new Dictionary<int, DateTimeOffset>();
        var deadline = points.Max() + TimeSpan.FromSeconds(options.Timeout);
        while (DateTimeOffset.UtcNow < deadline && seen.Count < points.Length)
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var file in Directory.EnumerateFiles(mail, "*.eml"))
            {
                if (CaseOf(Path.GetFileName(file)) is { } i)
                {
                    seen.TryAdd(i, now);
                }
            }
            await Task.Delay(20);
        }

        var latencies = seen.Select(s => (s.Value - points[s.Key]).TotalSeconds).Order().ToList();
        var early = latencies.Count(l => l < 0);
        Console.WriteLine(string.Create(ci, $"emails: {seen.Count} of {points.Length}; missing {points.Length - seen.Count}; before their point {early}"));
        if (latencies.Count > 0)
        {
            Console.WriteLine(string.Create(ci, $"point due -> email: min {latencies[0]:F2} s, p50 {Percentile(latencies, 50):F2} s, p90 {Percentile(latencies, 90):F2} s, p99 {Percentile(latencies, 99):F2} s, max {latencies[^1]:F2} s"));
        }
        return seen.Count == points.Length && early == 0 && failures == 0 ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];

    private string CaseId(int i) => $"{options.Run}x{i}";

    // The pickup file name starts with the connection and the ticket id: latency_<run>x<i>_...
    private int? CaseOf(string fileName)
    {
        var prefix = $"{Args.Connection}_{options.Run}x";
        if (!fileName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var digits = fileName[prefix.Length..].TakeWhile(char.IsAsciiDigit).ToArray();
        return digits.Length > 0 ? int.Parse(new string(digits), CultureInfo.InvariantCulture) : null;
    }

    private static HttpRequestMessage Sign(string body, string invocation)
    {
        // Zendesk: base64(HMAC-SHA256(secret, timestamp + body)), timestamp ISO-8601 UTC.
        var timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Args.Secret), Encoding.UTF8.GetBytes(timestamp + body)));
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{Args.Connection}") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Zendesk-Webhook-Signature", signature);
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        request.Headers.Add("x-zendesk-webhook-invocation-id", invocation);
        return request;
    }

    private static string Body(string id, DateTimeOffset opened)
    {
        var created = opened.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        return $$$"""
            {"schema":"slafunctions.zendesk.v1","event":"ticket.created","ticket":{"id":"{{{id}}}","title":"Latency case {{{id}}}","priority":"Low","status":"Open","created_at":"{{{created}}}","updated_at":"{{{created}}}","requester_id":"100","requester_email":"ana@acme.example","assignee_email":"bo@vendor.example"},"actor":{"id":"100","role":"End-user"}}
            """;
    }
}
