using NodaTime;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Board;

/// <summary>The open case rows the board judges, kept for <c>Board:CacheSeconds</c> (default 5; 0 reads on every
/// request). After that a request gets the kept rows while one read refreshes them in the background; rows older
/// than a minute are never served.</summary>
/// <remarks>A refresh reads only the case rows storage stamped since the last read (less a margin for writes that
/// were in flight), drops those now solved or closed and replaces the rest, so it costs what changed rather than
/// every open case; every five minutes it reads them all again.</remarks>
public sealed class BoardCache
{
    private static readonly TimeSpan MaxStale = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FullReadEvery = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan InFlightMargin = TimeSpan.FromSeconds(30);

    private readonly CaseTables _tables;
    private readonly WebhookOptions _webhooks;
    private readonly IClock _clock;
    private readonly TimeSpan _fresh;
    private readonly Lock _gate = new();
    private Kept? _kept;
    private Task<Kept>? _reading;

    /// <summary>Reads through <paramref name="tables"/>; customers come from the connections in <paramref name="webhooks"/>.</summary>
    public BoardCache(CaseTables tables, WebhookOptions webhooks, IClock clock, BoardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = tables;
        _webhooks = webhooks;
        _clock = clock;
        _fresh = TimeSpan.FromSeconds(Math.Max(0, options.CacheSeconds));
    }

    /// <summary>The board for <paramref name="filter"/>: the open case rows (read at most
    /// <see cref="BoardOptions.CacheSeconds"/> ago) judged against <paramref name="now"/>, at most
    /// <paramref name="limit"/> cases, the most urgent first.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed and no recent rows are kept.</exception>
    public async Task<BoardView> ViewAsync(PolicyCatalog policies, Instant now, BoardFilter filter, int limit) =>
        BoardQuery.Build(await GetAsync().ConfigureAwait(false), policies, now, filter, limit);

    /// <summary>The open case rows and when they were read.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed and no recent rows are kept.</exception>
    internal async Task<BoardSnapshot> GetAsync()
    {
        var kept = _kept;
        if (kept is not null && _fresh > TimeSpan.Zero)
        {
            var age = Age(kept.ReadTicks);
            if (age < _fresh)
            {
                return kept.Board;
            }
            if (age < MaxStale)
            {
                // A failed refresh surfaces to the first request that finds the rows too old to serve.
                _ = Read();
                return kept.Board;
            }
        }
        return (await Read().ConfigureAwait(false)).Board;
    }

    private static TimeSpan Age(long ticks) => TimeSpan.FromMilliseconds(Environment.TickCount64 - ticks);

    private Task<Kept> Read()
    {
        lock (_gate)
        {
            if (_reading is null || _reading.IsCompleted)
            {
                _reading = ReadAsync(_kept);
            }
            return _reading;
        }
    }

    // Not the request's token: other requests share this read.
    private async Task<Kept> ReadAsync(Kept? previous)
    {
        var store = await _tables.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        var readAt = _clock.GetCurrentInstant();
        var ticks = Environment.TickCount64;
        Kept kept;
        if (previous?.LatestChange is { } since && Age(previous.FullReadTicks) < FullReadEvery)
        {
            var changed = await store.ReadCasesChangedAsync(since - InFlightMargin, CancellationToken.None).ConfigureAwait(false);
            var rows = new Dictionary<string, BoardRow>(previous.Rows);
            foreach (var row in changed.Cases)
            {
                if (row.Status is "solved" or "closed")
                {
                    rows.Remove(row.Key.PartitionKey);
                }
                else
                {
                    rows[row.Key.PartitionKey] = BoardRow.From(row, _webhooks.CustomerOf(row));
                }
            }
            kept = new Kept(rows, BoardSnapshot.Of(rows.Values, readAt), changed.LatestChange ?? since, ticks, previous.FullReadTicks);
        }
        else
        {
            var all = await store.ReadOpenCasesAsync(policyId: null, CancellationToken.None).ConfigureAwait(false);
            var rows = all.Cases.ToDictionary(r => r.Key.PartitionKey, r => BoardRow.From(r, _webhooks.CustomerOf(r)));
            kept = new Kept(rows, BoardSnapshot.Of(rows.Values, readAt), all.LatestChange, ticks, ticks);
        }
        _kept = kept;
        return kept;
    }

    private sealed record Kept(Dictionary<string, BoardRow> Rows, BoardSnapshot Board, DateTimeOffset? LatestChange, long ReadTicks, long FullReadTicks);
}
