using Azure.Data.Tables;
using NodaTime;

namespace SlaFunctions.Storage.Notices;

/// <summary>Where the last complete sweep got to, so the next one reads the due index from there (less an overlap),
/// however long the app was stopped.</summary>
public sealed class SweepCheckpoint
{
    private const string Partition = "~sweep";
    private const string Row = "checkpoint";
    private readonly TableClient _table;

    /// <summary>Uses <paramref name="table"/>, which must exist.</summary>
    public SweepCheckpoint(TableClient table) => _table = table;

    /// <summary>The instant the last complete sweep covered up to, or null before the first.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<Instant?> GetAsync(CancellationToken cancellationToken)
    {
        var found = await TableCalls.Guard(() => _table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return found.HasValue && found.Value!.GetDateTimeOffset("At") is { } at ? Instant.FromDateTimeOffset(at) : null;
    }

    /// <summary>Records that sweeps covered everything before <paramref name="at"/>.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task SetAsync(Instant at, CancellationToken cancellationToken) =>
        TableCalls.Guard(() => _table.UpsertEntityAsync(new TableEntity(Partition, Row) { ["At"] = at.ToDateTimeOffset() }, TableUpdateMode.Replace, cancellationToken));
}
