using Azure;
using Azure.Data.Tables;
using NodaTime;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Storage.Notices;

/// <summary>The sweep's slices not yet done: one row each (its due-index rows in one property), from when the sweep
/// cuts it until a slice worker has judged it. Its size is the slices in flight, never the open cases.</summary>
public sealed class SweepSlices
{
    /// <summary>The most characters of row keys one slice holds: a string property holds 64 KiB of UTF-16.</summary>
    public const int MaxChars = 30_000;

    private const string Partition = "~slices";
    private readonly TableClient _table;

    /// <summary>Uses <paramref name="table"/>, which must exist.</summary>
    public SweepSlices(TableClient table) => _table = table;

    /// <summary>Records <paramref name="slice"/>; false when a slice of that id is already recorded (another sweep cut
    /// the same rows, and queued it).</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task<bool> AddAsync(SweepSlice slice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return TableCalls.TryAddAsync(_table, new TableEntity(Partition, slice.Id)
        {
            ["Rows"] = string.Join('\n', slice.Rows.Select(r => r.RowKey)),
            ["QueuedAt"] = slice.QueuedAt.ToDateTimeOffset(),
        }, cancellationToken);
    }

    /// <summary>The slice <paramref name="id"/>, or null when it is done (or was never cut).</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<SweepSlice?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var found = await TableCalls.Guard(() => _table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return found.HasValue ? Read(found.Value!) : null;
    }

    /// <summary>Every slice not yet done.</summary>
    public async IAsyncEnumerable<SweepSlice> OpenAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return Read(row);
        }
    }

    /// <summary>Records that <paramref name="slice"/> was queued again at <paramref name="now"/>; false when someone else
    /// changed or finished it since it was read.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task<bool> MarkQueuedAsync(SweepSlice slice, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return TableCalls.TryMergeAsync(_table, new TableEntity(Partition, slice.Id) { ["QueuedAt"] = now.ToDateTimeOffset() }, slice.ETag, cancellationToken);
    }

    /// <summary>Forgets slice <paramref name="id"/>: it is done.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        TableCalls.DeleteIfExistsAsync(_table, Partition, id, cancellationToken);

    private static SweepSlice Read(TableEntity row) => new(
        row.RowKey,
        [.. row.GetString("Rows").Split('\n').Select(DueRow.FromRowKey)],
        Instant.FromDateTimeOffset(row.GetDateTimeOffset("QueuedAt")!.Value),
        row.ETag);
}
