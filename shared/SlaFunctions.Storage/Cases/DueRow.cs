using NodaTime;

namespace SlaFunctions.Storage.Cases;

/// <summary>One row of the <see cref="DueIndex"/>: the case <paramref name="Key"/> needs a look at
/// <paramref name="At"/> (to the second).</summary>
/// <param name="Key">The case.</param>
/// <param name="At">When it needs a look.</param>
public sealed record DueRow(CaseKey Key, Instant At)
{
    /// <summary>The row's hour partition in the index.</summary>
    public string Partition => DueIndex.PartitionOf(At);

    /// <summary>The row's key in the index: unique across the table, and in time order within a partition.</summary>
    public string RowKey => DueIndex.RowKeyOf(Key, At);

    /// <summary>The row whose index key is <paramref name="rowKey"/>.</summary>
    /// <exception cref="FormatException"><paramref name="rowKey"/> is not a due-index row key.</exception>
    public static DueRow FromRowKey(string rowKey) => DueIndex.ReadRowKey(rowKey);
}
