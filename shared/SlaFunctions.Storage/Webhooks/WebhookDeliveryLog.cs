using System.Collections.Concurrent;
using Azure.Data.Tables;
using NodaTime;

namespace SlaFunctions.Storage.Webhooks;

/// <summary>The last <see cref="Capacity"/> deliveries of each connection, for an admin asking why a delivery was
/// ignored or refused: one partition per connection, used as a ring of <see cref="Capacity"/> rows.</summary>
/// <remarks>Rows are written behind the answer, in batches (one transaction per connection), with no read, so the log
/// adds no wait to a delivery and never grows. The ring's
/// position is kept in memory: after a restart, or with several instances, a write may replace a recent row rather
/// than the oldest; the log stays bounded, and it is diagnostics, not the record (cases keep their own history).</remarks>
public sealed class WebhookDeliveryLog
{
    /// <summary>The rows kept per connection.</summary>
    public const int Capacity = 50;

    private const int MaxReason = 2000;
    private readonly TableClient _table;
    private readonly ConcurrentDictionary<string, int> _next = new(StringComparer.Ordinal);
    private List<TableEntity> _pending = [];
    private Task? _writing;

    /// <summary>A log in <paramref name="table"/>; the table must exist before the first call.</summary>
    public WebhookDeliveryLog(TableClient table) => _table = table;

    /// <summary>Queues <paramref name="delivery"/> for <paramref name="connection"/> and starts writing what is queued
    /// unless a write is under way (which picks it up when done), so a delivery's answer never waits for the log and
    /// deliveries that arrive together share one batch write (one partition, one transaction).</summary>
    public void Record(string connection, WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var slot = _next.AddOrUpdate(connection, 0, (_, previous) => (previous + 1) % Capacity);
        var entity = new TableEntity(Partition(connection), slot.ToString("D2", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["At"] = delivery.At.ToDateTimeOffset(),
            ["Outcome"] = delivery.Outcome,
            ["Status"] = delivery.Status,
            ["Reason"] = delivery.Reason is { Length: > MaxReason } text ? text[..MaxReason] + "…" : delivery.Reason,
            ["ExternalId"] = delivery.ExternalId,
            // One value a line, each cut like the reason: a tool's status or priority is one short line.
            ["Unmapped"] = delivery.Unmapped.Count == 0 ? null : string.Join('\n', delivery.Unmapped.Select(v => v.Length > 200 ? v[..200] : v)),
        };
        lock (_pending)
        {
            _pending.Add(entity);
            _writing ??= WriteQueuedAsync();
        }
    }

    /// <summary>Waits for the queued rows to be written; a failure to write them is reported here, once.</summary>
    /// <exception cref="StorageUnavailableException">Storage cannot be reached.</exception>
    public async Task FlushAsync()
    {
        Task? writing;
        lock (_pending)
        {
            writing = _writing ??= _pending.Count > 0 ? WriteQueuedAsync() : null;
        }
        if (writing is not null)
        {
            await writing.ConfigureAwait(false);
        }
    }

    // Writes batches until nothing is queued. Rows of one partition go in one transaction; a slot queued twice keeps its
    // later row. A failed batch is dropped (the log is diagnostics) and the failure ends this write for the caller to see.
    private async Task WriteQueuedAsync()
    {
        await Task.Yield();
        try
        {
            while (true)
            {
                List<TableEntity> batch;
                lock (_pending)
                {
                    if (_pending.Count == 0)
                    {
                        _writing = null;
                        return;
                    }
                    batch = _pending;
                    _pending = [];
                }
                foreach (var partition in batch.GroupBy(e => e.PartitionKey))
                {
                    var rows = partition.GroupBy(e => e.RowKey).Select(slot => slot.Last())
                        .Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList();
                    await TableCalls.Guard(() => _table.SubmitTransactionAsync(rows, CancellationToken.None)).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            lock (_pending)
            {
                _writing = null;
            }
            throw;
        }
    }

    /// <summary>The deliveries of <paramref name="connection"/> kept, newest first.</summary>
    /// <exception cref="StorageUnavailableException">Storage cannot be reached.</exception>
    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(string connection, CancellationToken cancellationToken)
    {
        await FlushAsync().ConfigureAwait(false);
        var rows = new List<WebhookDelivery>();
        await TableCalls.Guard(async () =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(connection)}");
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(new WebhookDelivery
                {
                    At = Instant.FromDateTimeOffset(row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue),
                    Outcome = row.GetString("Outcome") ?? "",
                    Status = row.GetInt32("Status") ?? 0,
                    Reason = row.GetString("Reason"),
                    ExternalId = row.GetString("ExternalId"),
                    Unmapped = row.GetString("Unmapped") is { Length: > 0 } unmapped ? unmapped.Split('\n') : [],
                });
            }
        }).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.At)];
    }

    // Connection names are configured (letters, digits, '-', '_'), so they key a partition as they are, in lower case
    // because the endpoint finds connections whatever the URL's letter case.
    private static string Partition(string connection) => connection.ToLowerInvariant();
}
