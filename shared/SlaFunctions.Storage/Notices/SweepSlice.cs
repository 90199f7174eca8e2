using Azure;
using NodaTime;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Storage.Notices;

/// <summary>A slice of the sweep's window: consecutive rows of one hour partition of the due index, judged together by
/// one slice worker.</summary>
/// <param name="Id">The slice's id: its partition and first row key, so two sweeps cutting the same rows make one slice.</param>
/// <param name="Rows">Its rows, in index order (all of one partition).</param>
/// <param name="QueuedAt">When its message was last queued.</param>
/// <param name="ETag">The stored row's version (default before it is stored), so re-queuing it loses to a concurrent
/// change.</param>
public sealed record SweepSlice(string Id, IReadOnlyList<DueRow> Rows, Instant QueuedAt, ETag ETag = default)
{
    /// <summary>The due-index partition its rows are in.</summary>
    public string Partition => Rows[0].Partition;

    /// <summary>The earliest instant among its rows: the sweep's checkpoint stays at or before it until the slice is done.</summary>
    public Instant Earliest => Rows.Min(r => r.At);

    /// <summary>The slice of <paramref name="rows"/> (one partition, in index order), queued at <paramref name="queuedAt"/>.</summary>
    public static SweepSlice Of(IReadOnlyList<DueRow> rows, Instant queuedAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfZero(rows.Count);
        return new SweepSlice(rows[0].Partition + "-" + rows[0].RowKey, rows, queuedAt);
    }
}
