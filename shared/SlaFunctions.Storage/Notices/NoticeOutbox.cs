using Azure;
using Azure.Data.Tables;
using NodaTime;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Storage.Notices;

/// <summary>Notices on their way: one row per notice from the moment the sweep emits it until the sender is done
/// with every recipient. The sweep (re)queues the rows that are ready and were not queued lately, so a notice
/// survives a lost queue message, a host that died before sending its output binding, and a hold until working
/// hours. Its size is the number of notices in flight, never the number of open cases.</summary>
public sealed class NoticeOutbox
{
    private const string Pending = "pending";
    private static readonly DateTimeOffset NeverQueued = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TableClient _table;

    /// <summary>Uses <paramref name="table"/>, which must exist.</summary>
    public NoticeOutbox(TableClient table) => _table = table;

    /// <summary>Puts notice <paramref name="id"/> (its queue message <paramref name="body"/>) in the outbox, ready at
    /// <paramref name="notBefore"/> and not yet queued. Idempotent.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    /// <returns>The entry as written (its ETag lets the writer mark it queued, losing to anyone who did first).</returns>
    public async Task<OutboxEntry> PutAsync(string id, string body, Instant notBefore, CancellationToken cancellationToken)
    {
        var written = await TableCalls.Guard(() => _table.UpsertEntityAsync(new TableEntity(Pending, CaseKey.Escape(id))
        {
            ["Body"] = body,
            ["NotBefore"] = notBefore.ToDateTimeOffset(),
            ["QueuedAt"] = NeverQueued,
        }, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
        // Never ETag.All: marking it queued must lose to anyone who marked it first.
        return new OutboxEntry(id, body, written.Headers.ETag ?? throw new InvalidOperationException("Table Storage answered an upsert without an ETag."));
    }

    /// <summary>The notices ready at <paramref name="now"/> that were never queued, or queued before
    /// <paramref name="queuedBefore"/> and not finished since.</summary>
    public async IAsyncEnumerable<OutboxEntry> ReadyAsync(Instant now, Instant queuedBefore, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Pending} and NotBefore le {now.ToDateTimeOffset()} and QueuedAt lt {queuedBefore.ToDateTimeOffset()}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new OutboxEntry(Uri.UnescapeDataString(row.RowKey), row.GetString("Body"), row.ETag);
        }
    }

    /// <summary>Records that <paramref name="entry"/> was queued at <paramref name="now"/>; false when someone else
    /// changed the row since it was read (and so owns it now).</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task<bool> MarkQueuedAsync(OutboxEntry entry, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return TableCalls.TryMergeAsync(_table, new TableEntity(Pending, CaseKey.Escape(entry.Id)) { ["QueuedAt"] = now.ToDateTimeOffset() }, entry.ETag, cancellationToken);
    }

    /// <summary>Forgets notice <paramref name="id"/>: the sender is done with every recipient.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        TableCalls.DeleteIfExistsAsync(_table, Pending, CaseKey.Escape(id), cancellationToken);

    /// <summary>How many notices are in flight or held (for tests and health).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Pending}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }
        return count;
    }
}
