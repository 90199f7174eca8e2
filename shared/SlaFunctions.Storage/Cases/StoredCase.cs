using Azure;
using Azure.Data.Tables;

namespace SlaFunctions.Storage.Cases;

/// <summary>A case as the store last saw it: the record, its row's ETag, how its history is laid out (archive rows
/// written, and the stretch the case row holds), which the next commit extends, and the columns its row holds.</summary>
internal sealed record StoredCase(CaseRecord Record, ETag ETag, int Archived, HistoryPart Tail, IReadOnlySet<string> Columns)
{
    /// <summary>The columns <paramref name="row"/> holds a value in: not its keys, nor what the service adds.</summary>
    public static IReadOnlySet<string> ColumnsOf(TableEntity row) => row
        .Where(p => p.Value is not null && p.Key is not ("PartitionKey" or "RowKey" or "Timestamp") && !p.Key.StartsWith("odata.", StringComparison.Ordinal))
        .Select(p => p.Key)
        .ToHashSet(StringComparer.Ordinal);
}
