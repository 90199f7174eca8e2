using System.Collections.Concurrent;
using Azure.Data.Tables;
using NodaTime;

namespace SlaFunctions.Storage.Webhooks;

/// <summary>The last <see cref="Capacity"/> deliveries of each connection, for an admin asking why a delivery was
/// ignored or refused: one partition per connection, used as a ring of <see cref="Capacity"/> rows.</summary>
/// <remarks>Each write is one upsert, no read, so the log costs a delivery one round trip and never grows. The ring's
/// position is kept in memory: after a restart, or with several instances, a write may replace a recent row rather
/// than the oldest; the log stays bounded, and it is diagnostics, not the record (cases keep their own history).</remarks>
public sealed class WebhookDeliveryLog
{
    /// <summary>The rows kept per connection.</summary>
    public const int Capacity = 50;

    private const int MaxReason = 2000;
    private readonly TableClient _table;
    private readonly ConcurrentDictionary<string, int> _next = new(StringComparer.Ordinal);

    /// <summary>A log in <paramref name="table"/>; the table must exist before the first call.</summary>
    public WebhookDeliveryLog(TableClient table) => _table = table;

    /// <summary>Records <paramref name="delivery"/> for <paramref name="connection"/>.</summary>
    /// <exception cref="StorageUnavailableException">Storage cannot be reached.</exception>
    public Task RecordAsync(string connection, WebhookDelivery delivery, CancellationToken cancellationToken)
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
        };
        return TableCalls.Guard(() => _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken));
    }

    /// <summary>The deliveries of <paramref name="connection"/> kept, newest first.</summary>
    /// <exception cref="StorageUnavailableException">Storage cannot be reached.</exception>
    public async Task<IReadOnlyList<WebhookDelivery>> ListAsync(string connection, CancellationToken cancellationToken)
    {
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
                });
            }
        }).ConfigureAwait(false);
        return [.. rows.OrderByDescending(r => r.At)];
    }

    // Connection names are configured (letters, digits, '-', '_'), so they key a partition as they are, in lower case
    // because the endpoint finds connections whatever the URL's letter case.
    private static string Partition(string connection) => connection.ToLowerInvariant();
}
