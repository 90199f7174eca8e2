using NodaTime;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>Cuts the due-index rows of a sweep's window into slices: each of consecutive rows of one hour partition, at
/// most a given number of rows, its row keys within <see cref="SweepSlices.MaxChars"/>.</summary>
/// <remarks>A case with two rows in the window (two hours, or a row written late) may land in two slices: two
/// workers then judge it, which is safe (judging is idempotent), and each removes only its own rows.</remarks>
public static class SweepSlicing
{
    /// <summary>The slices of <paramref name="rows"/>, each of at most <paramref name="maxRows"/> rows, queued at
    /// <paramref name="now"/>. Every row is in exactly one slice.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRows"/> is less than 1.</exception>
    public static IReadOnlyList<SweepSlice> Cut(IEnumerable<DueRow> rows, int maxRows, Instant now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var slices = new List<SweepSlice>();
        foreach (var partition in rows.DistinctBy(r => r.RowKey).GroupBy(r => r.Partition, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var current = new List<DueRow>();
            var chars = 0;
            foreach (var row in partition.OrderBy(r => r.RowKey, StringComparer.Ordinal))
            {
                var length = row.RowKey.Length + 1;
                if (current.Count == maxRows || (current.Count > 0 && chars + length > SweepSlices.MaxChars))
                {
                    slices.Add(SweepSlice.Of(current, now));
                    current = [];
                    chars = 0;
                }
                current.Add(row);
                chars += length;
            }
            slices.Add(SweepSlice.Of(current, now));
        }
        return slices;
    }
}
