using FsCheck.Xunit;
using NodaTime;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>Cutting the sweep's window into slices, against a deliberately naive reference: each hour partition's rows
/// sorted by row key, in chunks of the slice size.</summary>
public sealed class SweepSlicingTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    // Rows of cases 0-49 at minutes 0-299 before now (five hour partitions), duplicates included.
    private static List<DueRow> Rows(IEnumerable<(byte Case, ushort Minute)> picks) =>
        [.. picks.Select(p => new DueRow(new CaseKey("acme-events", $"C-{p.Case % 50}"), Now - Duration.FromMinutes(p.Minute % 300)))];

    private static List<List<string>> Naive(List<DueRow> rows, int size) =>
        [.. rows.Select(r => r.RowKey).Distinct().GroupBy(k => k[..10]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Order(StringComparer.Ordinal).Chunk(size).Select(c => c.ToList()))];

    [Property(MaxTest = 300)]
    public bool Cut_AnyRows_ConsecutiveRowsOfOnePartition_EachRowOnce((byte Case, ushort Minute)[] picks, byte size)
    {
        var rows = Rows(picks);
        var max = 1 + (size % 20);

        var slices = SweepSlicing.Cut(rows, max, Now);

        return slices.Select(s => s.Rows.Select(r => r.RowKey).ToList()).SequenceEqual(Naive(rows, max), new ListComparer())
            && slices.All(s => s.Rows.All(r => r.Partition == s.Partition) && s.Earliest == s.Rows.Min(r => r.At));
    }

    [Fact]
    public void Cut_LongCaseKeys_EachSliceFitsOneTableProperty()
    {
        var rows = Enumerable.Range(0, 400).Select(i => new DueRow(new CaseKey("acme-events", $"{i:D4}-{new string('x', 300)}"), Now)).ToList();

        var slices = SweepSlicing.Cut(rows, 200, Now);

        Assert.All(slices, s => Assert.True(s.Rows.Sum(r => r.RowKey.Length + 1) <= SweepSlices.MaxChars));
        Assert.Equal(400, slices.Sum(s => s.Rows.Count));
        Assert.True(slices.Count > 2);
    }

    [Fact]
    public void Cut_SameRowsTwice_SameSliceIds()
    {
        // Two sweeps that cut the same rows record one slice: its id is its partition and first row.
        var rows = Rows([(1, 5), (2, 70), (3, 5), (4, 130)]);

        Assert.Equal(SweepSlicing.Cut(rows, 2, Now).Select(s => s.Id), SweepSlicing.Cut(rows.AsEnumerable().Reverse(), 2, Now + Duration.FromMinutes(1)).Select(s => s.Id));
    }

    private sealed class ListComparer : IEqualityComparer<List<string>>
    {
        public bool Equals(List<string>? x, List<string>? y) => x!.SequenceEqual(y!, StringComparer.Ordinal);

        public int GetHashCode(List<string> obj) => obj.Count;
    }
}
