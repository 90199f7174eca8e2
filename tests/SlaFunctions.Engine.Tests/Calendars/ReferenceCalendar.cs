using NodaTime;
using NodaTime.TimeZones;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>A slow, independent reading of the spec's calendar rules, to check the engine against.</summary>
/// <remarks>It lists every interval day by day (override, else nothing on a holiday, else the weekday's hours), maps
/// each wall-clock boundary with NodaTime's lenient resolver on its own, and merges what overlaps, so open time is the
/// measure of the set of open instants. A complement is that set's gaps. It never skips weeks and never caches.</remarks>
internal sealed class ReferenceCalendar
{
    private static readonly Duration Window = Duration.FromDays(28);
    private readonly DateTimeZone _zone;
    private readonly Func<LocalDate, IEnumerable<OpeningInterval>> _intervalsOn;
    private readonly bool _complement;

    private ReferenceCalendar(DateTimeZone zone, Func<LocalDate, IEnumerable<OpeningInterval>> intervalsOn, bool complement)
    {
        _zone = zone;
        _intervalsOn = intervalsOn;
        _complement = complement;
    }

    /// <summary>Weekly hours with holidays and whole-truth overrides, as <see cref="BusinessCalendar.Weekly"/> documents them.</summary>
    public static ReferenceCalendar Weekly(
        DateTimeZone zone,
        IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]> weekly,
        IEnumerable<LocalDate>? holidays = null,
        IReadOnlyDictionary<LocalDate, OpeningInterval[]>? overrides = null)
    {
        var closed = new HashSet<LocalDate>(holidays ?? []);
        var special = overrides ?? new Dictionary<LocalDate, OpeningInterval[]>();
        return new ReferenceCalendar(zone, date =>
            special.TryGetValue(date, out var own) ? own
            : closed.Contains(date) ? []
            : weekly.TryGetValue(date.DayOfWeek, out var hours) ? hours : [], complement: false);
    }

    /// <summary>Open exactly when this one is closed (spec: a calendar may be the complement of another).</summary>
    public ReferenceCalendar Complement() => new(_zone, _intervalsOn, !_complement);

    /// <summary>The open instants in <c>[from, to)</c> as sorted, disjoint, non-adjacent intervals.</summary>
    public List<(Instant Start, Instant End)> OpenSet(Instant from, Instant to)
    {
        var pieces = new List<(Instant Start, Instant End)>();
        var last = to.InZone(_zone).Date.PlusDays(1);
        for (var date = from.InZone(_zone).Date.PlusDays(-2); date <= last; date = date.PlusDays(1))
        {
            foreach (var interval in _intervalsOn(date))
            {
                var open = Lenient(date, interval.StartMinute);
                var close = Lenient(date, interval.EndMinute);
                if (close > open)
                {
                    pieces.Add((open, close));
                }
            }
        }
        pieces.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(Instant Start, Instant End)>();
        foreach (var piece in pieces)
        {
            if (merged.Count > 0 && piece.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, piece.End > merged[^1].End ? piece.End : merged[^1].End);
            }
            else
            {
                merged.Add(piece);
            }
        }
        var result = _complement ? Gaps(merged, from, to) : merged;
        return [.. result.Select(p => (Max(p.Start, from), Min(p.End, to))).Where(p => p.Item2 > p.Item1)];
    }

    /// <summary>Open time in <c>[from, to)</c>.</summary>
    public Duration OpenTime(Instant from, Instant to) =>
        to <= from ? Duration.Zero : OpenSet(from, to).Aggregate(Duration.Zero, (sum, p) => sum + (p.End - p.Start));

    /// <summary>True when <paramref name="instant"/> is open.</summary>
    public bool IsOpenAt(Instant instant) => OpenSet(instant, instant + Duration.Epsilon).Count > 0;

    /// <summary>The earliest <c>t &gt;= start</c> with <paramref name="goal"/> of open time in <c>[start, t]</c>.</summary>
    public Instant AddOpenTime(Instant start, Duration goal)
    {
        if (goal == Duration.Zero)
        {
            return start;
        }
        var remaining = goal;
        var from = start;
        for (var window = 0; window < 2000; window++, from += Window)
        {
            foreach (var (open, close) in OpenSet(from, from + Window))
            {
                if (remaining <= close - open)
                {
                    return open + remaining;
                }
                remaining -= close - open;
            }
        }
        throw new InvalidOperationException("The reference calendar found no open time in 150 years.");
    }

    private Instant Lenient(LocalDate date, int minutes) =>
        date.AtMidnight().PlusMinutes(minutes).InZone(_zone, Resolvers.LenientResolver).ToInstant();

    private static List<(Instant Start, Instant End)> Gaps(List<(Instant Start, Instant End)> covered, Instant from, Instant to)
    {
        var gaps = new List<(Instant Start, Instant End)>();
        var cursor = from;
        foreach (var (start, end) in covered)
        {
            if (start > cursor)
            {
                gaps.Add((cursor, start));
            }
            cursor = Max(cursor, end);
        }
        if (to > cursor)
        {
            gaps.Add((cursor, to));
        }
        return gaps;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
