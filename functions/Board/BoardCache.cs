using NodaTime;
using SlaFunctions.Hosting;
using SlaFunctions.Storage;

namespace SlaFunctions.Board;

/// <summary>The open case rows the board judges, read with one query and kept for <c>Board:CacheSeconds</c> (default
/// 5; 0 reads on every request). A request after that gets the kept rows while one read refreshes them in the
/// background, so at most one board read is in flight; rows older than a minute are never served.</summary>
public sealed class BoardCache
{
    private static readonly TimeSpan MaxStale = TimeSpan.FromMinutes(1);

    private readonly CaseTables _tables;
    private readonly WebhookOptions _webhooks;
    private readonly IClock _clock;
    private readonly TimeSpan _fresh;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;
    private Task<Snapshot>? _reading;

    /// <summary>Reads through <paramref name="tables"/>; customers come from the connections in <paramref name="webhooks"/>.</summary>
    public BoardCache(CaseTables tables, WebhookOptions webhooks, IClock clock, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _tables = tables;
        _webhooks = webhooks;
        _clock = clock;
        _fresh = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Board:CacheSeconds", 5)));
    }

    /// <summary>The open case rows, sorted by when they breached or will breach, and when they were read.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed and no recent rows are kept.</exception>
    internal async Task<(IReadOnlyList<BoardRow> Rows, Instant ReadAt)> GetAsync()
    {
        var kept = _snapshot;
        if (kept is not null && _fresh > TimeSpan.Zero)
        {
            var age = TimeSpan.FromMilliseconds(Environment.TickCount64 - kept.ReadTicks);
            if (age < _fresh)
            {
                return (kept.Rows, kept.ReadAt);
            }
            if (age < MaxStale)
            {
                // A failed refresh surfaces to the first request that finds the rows too old to serve.
                _ = Read();
                return (kept.Rows, kept.ReadAt);
            }
        }
        var read = await Read().ConfigureAwait(false);
        return (read.Rows, read.ReadAt);
    }

    private Task<Snapshot> Read()
    {
        lock (_gate)
        {
            if (_reading is null || _reading.IsCompleted)
            {
                _reading = ReadAsync();
            }
            return _reading;
        }
    }

    // Not the request's token: other requests share this read.
    private async Task<Snapshot> ReadAsync()
    {
        var store = await _tables.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        var readAt = _clock.GetCurrentInstant();
        var ticks = Environment.TickCount64;
        var rows = await store.ReadOpenCasesAsync(policyId: null, CancellationToken.None).ConfigureAwait(false);
        var board = rows.Select(r => BoardRow.From(r, _webhooks.CustomerOf(r.Key.Connection))).OrderBy(r => r.SortKey).ToList();
        var snapshot = new Snapshot(board, readAt, ticks);
        _snapshot = snapshot;
        return snapshot;
    }

    private sealed record Snapshot(IReadOnlyList<BoardRow> Rows, Instant ReadAt, long ReadTicks);
}
