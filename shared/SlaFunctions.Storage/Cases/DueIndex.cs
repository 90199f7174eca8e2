using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Storage.Cases;

/// <summary>Which cases need a look when: one row per case at its next check instant, in a table per UTC day
/// (<c>casedue20260310</c>) partitioned by hour, so the sweep reads only what comes due in a window, never all open
/// cases, and a day's table holds only the cases with a check that day.</summary>
/// <remarks>
/// <para>Day tables are created by the first row written to them and dropped (<see cref="RetireAsync"/>) once the sweep
/// is well past them: Azure's pattern for deleting many rows at once. On Azurite the table a row is removed from costs
/// time in proportion to its rows, so the sweep's removals cost in proportion to the day's checks, not the open cases.</para>
/// <para>Earlier versions kept every row in the one table the setting names (<c>casedue</c>). While that table exists,
/// its rows are read with the day tables' and removed from it too; it is dropped once it holds nothing the sweep would
/// read again, so an upgrade loses no case.</para>
/// </remarks>
public sealed class DueIndex
{
    private static readonly InstantPattern Bucket = InstantPattern.CreateWithInvariantCulture("uuuuMMddHH");
    private static readonly InstantPattern Stamp = InstantPattern.CreateWithInvariantCulture("uuuuMMddHHmmss");
    private static readonly InstantPattern Day = InstantPattern.CreateWithInvariantCulture("uuuuMMdd");

    /// <summary>The longest name the setting may have: a day table adds 8 digits to it, within Table Storage's 63.</summary>
    public const int MaxNameLength = 55;

    private readonly TableServiceClient _service;
    private readonly string _name;
    private readonly TableClient _legacy;
    private readonly ConcurrentDictionary<string, TableClient> _days = new(StringComparer.Ordinal);
    private volatile LegacyTable _legacyState;
    private string? _retiredBefore;

    /// <summary>The index whose day tables are <paramref name="name"/> followed by the day (<c>uuuuMMdd</c>), in
    /// <paramref name="service"/>; they are created as rows need them.</summary>
    public DueIndex(TableServiceClient service, string name)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _service = service;
        _name = name;
        _legacy = service.GetTableClient(name);
    }

    /// <summary>The name of the table holding the rows at <paramref name="at"/>.</summary>
    public string TableOf(Instant at) => _name + Day.Format(at);

    /// <summary>Records that <paramref name="key"/> needs a look at <paramref name="at"/>. Idempotent.</summary>
    /// <remarks>An upsert that merges: the row is its keys alone, so merging is replacing, and Azurite updates a row in
    /// place when it merges but removes and inserts it when it replaces (README, "Speed").</remarks>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task AddAsync(CaseKey key, Instant at, CancellationToken cancellationToken)
    {
        var table = DayTable(at);
        var row = new TableEntity(Bucket.Format(at), RowKey(key, at));
        try
        {
            await TableCalls.Guard(() => table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken)).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == TableErrorCode.TableNotFound)
        {
            // The day's first row (or a row for a day already retired): its table first.
            await CreateAsync(table.Name, cancellationToken).ConfigureAwait(false);
            await TableCalls.Guard(() => table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the row for <paramref name="key"/> at <paramref name="at"/>; a missing row is fine.</summary>
    public async Task RemoveAsync(CaseKey key, Instant at, CancellationToken cancellationToken)
    {
        await TableCalls.DeleteIfExistsAsync(DayTable(at), Bucket.Format(at), RowKey(key, at), cancellationToken).ConfigureAwait(false);
        if (_legacyState == LegacyTable.Unknown)
        {
            // A process that removes rows without reading the index first (a slice worker) asks once. (Azurite answers
            // a delete in a table that does not exist with success, so the delete cannot tell.)
            _legacyState = await ReadAsync(_legacy, TableClient.CreateQueryFilter($"PartitionKey eq {"~"}"), cancellationToken, first: true).ConfigureAwait(false) is null
                ? LegacyTable.Gone
                : LegacyTable.Present;
        }
        if (_legacyState == LegacyTable.Present)
        {
            await DeleteFromLegacyAsync(key, at, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The cases with a row in <c>[<paramref name="from"/>, <paramref name="to"/>)</c>, in time order.</summary>
    /// <remarks>One query per day table the window touches (one, or two across midnight): row keys start with the
    /// instant, so the same bounds on them hold across the hour partitions, and rows come back in partition then row
    /// order, which is time order. (A query per hour would cost Azurite, which scans a table for every query, one scan
    /// per hour.)</remarks>
    public async IAsyncEnumerable<DueRow> BetweenAsync(Instant from, Instant to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            yield break;
        }
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {Bucket.Format(from)} and PartitionKey le {Bucket.Format(to)} and RowKey ge {Stamp.Format(from)} and RowKey lt {Stamp.Format(to)}");
        var legacy = _legacyState == LegacyTable.Gone ? [] : await ReadAsync(_legacy, filter, cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        var last = to - Duration.FromSeconds(1);
        for (var day = from; string.CompareOrdinal(Day.Format(day), Day.Format(last)) <= 0; day += Duration.FromDays(1))
        {
            rows.AddRange(await ReadAsync(DayTable(day), filter, cancellationToken).ConfigureAwait(false) ?? []);
        }
        if (_legacyState != LegacyTable.Gone)
        {
            _legacyState = legacy is null ? LegacyTable.Gone : LegacyTable.Present;
        }
        if (legacy is { Count: > 0 })
        {
            rows = [.. rows.Concat(legacy).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        }
        foreach (var rowKey in rows)
        {
            yield return ReadRowKey(rowKey);
        }
    }

    /// <summary>Drops the day tables of the days before <paramref name="before"/>'s, and the table of earlier versions
    /// once it holds no row at or after <paramref name="before"/>: rows the sweep, its checkpoint past them, never
    /// reads again. Does its work once per day per process; later calls that day return at once.</summary>
    /// <exception cref="RequestFailedException">Storage failed or refused.</exception>
    public async Task RetireAsync(Instant before, CancellationToken cancellationToken)
    {
        var day = Day.Format(before);
        if (_retiredBefore == day)
        {
            return;
        }
        foreach (var name in await TableNamesAsync(cancellationToken).ConfigureAwait(false))
        {
            // A day table of an earlier day: not the earlier versions' table, nor one of the day or later.
            var suffix = name[_name.Length..];
            if (suffix.Length == day.Length && suffix.All(char.IsAsciiDigit) && string.CompareOrdinal(suffix, day) < 0)
            {
                await DropAsync(name, cancellationToken).ConfigureAwait(false);
                _days.TryRemove(name, out _);
            }
        }
        if (_legacyState != LegacyTable.Gone)
        {
            var later = await ReadAsync(_legacy, TableClient.CreateQueryFilter($"PartitionKey ge {Bucket.Format(before)}"), cancellationToken, first: true).ConfigureAwait(false);
            if (later is null || later.Count == 0)
            {
                await DropAsync(_legacy.Name, cancellationToken).ConfigureAwait(false);
                _legacyState = LegacyTable.Gone;
            }
        }
        _retiredBefore = day;
    }

    /// <summary>Drops every table of the index: its day tables and the earlier versions' table. For clearing a store
    /// away (tests, benchmarks), never for the running app.</summary>
    /// <exception cref="RequestFailedException">Storage failed or refused.</exception>
    public async Task DropAllAsync(CancellationToken cancellationToken)
    {
        foreach (var name in await TableNamesAsync(cancellationToken).ConfigureAwait(false))
        {
            await DropAsync(name, cancellationToken).ConfigureAwait(false);
        }
        _days.Clear();
        _legacyState = LegacyTable.Gone;
    }

    /// <summary>The hour partition of a row at <paramref name="at"/>.</summary>
    public static string PartitionOf(Instant at) => Bucket.Format(at);

    /// <summary>The row key of <paramref name="key"/> at <paramref name="at"/>: the instant to the second, then the case.</summary>
    public static string RowKeyOf(CaseKey key, Instant at) => Stamp.Format(at) + "|" + key.PartitionKey;

    internal static DueRow ReadRowKey(string rowKey)
    {
        var bar = rowKey.IndexOf('|', StringComparison.Ordinal);
        var at = bar > 0 ? Stamp.Parse(rowKey[..bar]) : null;
        if (at is null || !at.Success)
        {
            throw new FormatException($"'{rowKey}' is not a due-index row key (yyyyMMddHHmmss|case).");
        }
        return new DueRow(CaseKey.FromPartitionKey(rowKey[(bar + 1)..]), at.Value);
    }

    private static string RowKey(CaseKey key, Instant at) => RowKeyOf(key, at);

    private TableClient DayTable(Instant at) => _days.GetOrAdd(TableOf(at), _service.GetTableClient);

    // The names of the tables starting with the index's name: its day tables and the earlier versions' table.
    private async Task<List<string>> TableNamesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var table in _service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {_name} and TableName lt {_name + ":"}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            names.Add(table.Name);
        }
        return names;
    }

    // The row keys the filter finds in the table, or null when there is no such table.
    private static async Task<List<string>?> ReadAsync(TableClient table, string filter, CancellationToken cancellationToken, bool first = false)
    {
        var keys = new List<string>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: first ? 1 : null, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                keys.Add(row.RowKey);
                if (first)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No such table.
            return null;
        }
        return keys;
    }

    // The delete of a row from the earlier versions' table; a missing row is fine, and a missing table (another
    // instance dropped it) is remembered, so this process stops deleting there.
    private async Task DeleteFromLegacyAsync(CaseKey key, Instant at, CancellationToken cancellationToken)
    {
        try
        {
            await _legacy.DeleteEntityAsync(Bucket.Format(at), RowKey(key, at), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            if (ex.ErrorCode == TableErrorCode.TableNotFound)
            {
                _legacyState = LegacyTable.Gone;
            }
        }
    }

    private async Task CreateAsync(string table, CancellationToken cancellationToken)
    {
        try
        {
            await TableCalls.Guard(() => TableCalls.CreateIfMissingAsync(_service, table, cancellationToken)).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == TableErrorCode.TableBeingDeleted)
        {
            // A row for a day just retired (a next check days past): Azure takes a while to free the name.
            throw new StorageUnavailableException($"Table Storage is still deleting {table}; try again later.", ex);
        }
    }

    private async Task DropAsync(string table, CancellationToken cancellationToken)
    {
        try
        {
            await _service.DeleteTableAsync(table, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Another instance dropped it first.
        }
    }

    // Whether this process knows the table of earlier versions to exist.
    private enum LegacyTable
    {
        Unknown,
        Present,
        Gone,
    }
}
