using Azure;
using Azure.Data.Tables;
using NodaTime;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Storage.Notices;

/// <summary>The poison list: notices set aside, shown by the API until someone replays or fixes them.</summary>
public sealed class PoisonNotices
{
    private const string Partition = "poison";
    private readonly TableClient _table;

    /// <summary>Uses <paramref name="table"/>, which must exist.</summary>
    public PoisonNotices(TableClient table) => _table = table;

    /// <summary>Sets <paramref name="notice"/> aside; the same notice and recipient twice is one entry.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task AddAsync(PoisonNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        await TableCalls.Guard(() => _table.UpsertEntityAsync(new TableEntity(Partition, CaseKey.Escape(notice.Id))
        {
            ["NoticeId"] = notice.NoticeId,
            ["Recipient"] = notice.Recipient,
            ["Reason"] = notice.Reason,
            ["Body"] = notice.Body,
            ["At"] = notice.At.ToDateTimeOffset(),
        }, TableUpdateMode.Replace, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Every entry, oldest id first.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<IReadOnlyList<PoisonNotice>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<PoisonNotice>();
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                list.Add(ToNotice(row));
            }
        }
        catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
        {
            throw new StorageUnavailableException("Table Storage failed reading the poison notices.", ex);
        }
        return list;
    }

    /// <summary>The entry <paramref name="id"/>, or null.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<PoisonNotice?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await TableCalls.Guard(() => _table.GetEntityIfExistsAsync<TableEntity>(Partition, CaseKey.Escape(id), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return found.HasValue ? ToNotice(found.Value!) : null;
    }

    /// <summary>Removes entry <paramref name="id"/>; a missing one is fine.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task RemoveAsync(string id, CancellationToken cancellationToken) =>
        TableCalls.DeleteIfExistsAsync(_table, Partition, CaseKey.Escape(id), cancellationToken);

    private static PoisonNotice ToNotice(TableEntity row) => new()
    {
        Id = Uri.UnescapeDataString(row.RowKey),
        NoticeId = row.GetString("NoticeId"),
        Recipient = row.GetString("Recipient"),
        Reason = row.GetString("Reason"),
        Body = row.GetString("Body"),
        At = Instant.FromDateTimeOffset(row.GetDateTimeOffset("At")!.Value),
    };
}
