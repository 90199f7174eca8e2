using System.Collections.Concurrent;
using System.Diagnostics;

namespace SlaFunctions.SweepBench;

/// <summary>Counts the storage requests the process makes, by kind, with their total time, from the Azure SDK's own
/// request activities (the <c>Azure.Core.Http</c> source, switched on by <c>Azure.Experimental.EnableActivitySource</c>).
/// The per-operation costs of docs/capacity.md come from here: requests per due case, and Azurite's time for each.</summary>
internal sealed class StorageRequests : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, (long Count, double Milliseconds)> _counts = new(StringComparer.Ordinal);

    public StorageRequests()
    {
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Azure.Core.Http", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                var kind = Kind(Tag(activity, "http.request.method", "http.method"), Tag(activity, "url.full", "http.url"));
                _counts.AddOrUpdate(kind, _ => (1, activity.Duration.TotalMilliseconds), (_, c) => (c.Count + 1, c.Milliseconds + activity.Duration.TotalMilliseconds));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The counts so far, by kind.</summary>
    public IReadOnlyDictionary<string, (long Count, double Milliseconds)> Snapshot() => _counts.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>What was counted since <paramref name="before"/>: per kind, the requests per <paramref name="per"/> and
    /// the mean milliseconds each, as one line.</summary>
    public string Since(IReadOnlyDictionary<string, (long Count, double Milliseconds)> before, int per)
    {
        var now = Snapshot();
        var parts = now.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var (count, ms) = p.Value;
            if (before.TryGetValue(p.Key, out var b))
            {
                (count, ms) = (count - b.Count, ms - b.Milliseconds);
            }
            return count == 0 ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Key} {(double)count / Math.Max(1, per):F2} ({ms / count:F1} ms)");
        }).Where(p => p is not null);
        return string.Join(", ", parts);
    }

    public void Dispose() => _listener.Dispose();

    private static string? Tag(Activity activity, string name, string old) => activity.GetTagItem(name) as string ?? activity.GetTagItem(old) as string;

    // Table: a point read addresses one entity in the path, a query carries $filter; queue sends are POSTs to /messages.
    private static string Kind(string? method, string? url)
    {
        var path = url is null ? "" : new Uri(url).AbsolutePath;
        var query = url is null ? "" : new Uri(url).Query;
        var queue = path.EndsWith("/messages", StringComparison.Ordinal);
        return (method, queue) switch
        {
            ("POST", true) => "queue send",
            ("GET", true) => "queue receive",
            ("DELETE", true) => "queue delete",
            ("GET", false) when path.Contains("RowKey=", StringComparison.Ordinal) => "point read",
            ("GET", false) when query.Contains("filter", StringComparison.Ordinal) => "query page",
            ("PUT", false) => "upsert/replace",
            ("PATCH" or "MERGE", false) => "merge",
            ("DELETE", false) => "delete",
            ("POST", false) when path.EndsWith("$batch", StringComparison.Ordinal) => "batch",
            ("POST", false) => "insert",
            _ => $"{method} other",
        };
    }
}
