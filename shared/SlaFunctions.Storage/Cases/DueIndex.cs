using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Storage.Cases;

/// <summary>Which cases need a look when: one row per case at its next check instant, partitioned by hour, so the
/// sweep reads only what comes due in a window (a range query per hour), never all open cases.</summary>
public sealed class DueIndex
{
    private static readonly InstantPattern Bucket = InstantPattern.CreateWithInvariantCulture("uuuuMMddHH");
    private static readonly InstantPattern Stamp = InstantPattern.CreateWithInvariantCulture("uuuuMMddHHmmss");
    private readonly TableClient _table;

    /// <summary>Uses <paramref name="table"/>, which must exist.</summary>
    public DueIndex(TableClient table) => _table = table;

    /// <summary>Records that <paramref name="key"/> needs a look at <paramref name="at"/>. Idempotent.</summary>
    /// <remarks>An upsert that merges: the row is its keys alone, so merging is replacing, and Azurite updates a row in
    /// place when it merges but removes and inserts it when it replaces (README, "Speed").</remarks>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task AddAsync(CaseKey key, Instant at, CancellationToken cancellationToken) =>
        TableCalls.Guard(() => _table.UpsertEntityAsync(new TableEntity(Bucket.Format(at), RowKey(key, at)), TableUpdateMode.Merge, cancellationToken));

    /// <summary>Forgets the row for <paramref name="key"/> at <paramref name="at"/>; a missing row is fine.</summary>
    public async Task RemoveAsync(CaseKey key, Instant at, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(Bucket.Format(at), RowKey(key, at), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: another sweep or commit removed it, which is the outcome wanted.
        }
    }

    /// <summary>The cases with a row in <c>[<paramref name="from"/>, <paramref name="to"/>)</c>, in time order.</summary>
    /// <remarks>One query over the hour partitions the window touches: row keys start with the instant, so the same
    /// bounds on them hold across partitions, and rows come back in partition then row order, which is time order.
    /// (A query per hour would cost Azurite, which scans a table for every query, one scan per hour.)</remarks>
    public async IAsyncEnumerable<DueRow> BetweenAsync(Instant from, Instant to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            yield break;
        }
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {Bucket.Format(from)} and PartitionKey le {Bucket.Format(to)} and RowKey ge {Stamp.Format(from)} and RowKey lt {Stamp.Format(to)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ReadRowKey(row.RowKey);
        }
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
}
