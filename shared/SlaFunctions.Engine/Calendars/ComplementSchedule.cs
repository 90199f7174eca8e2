using NodaTime;

namespace SlaFunctions.Engine.Calendars;

/// <summary>Open exactly when another schedule is closed, in the same zone.</summary>
/// <remarks>Each date gets the gaps, within its own 00:00-24:00, of the other schedule's cover: that date's intervals
/// plus what the day before runs past midnight. Gaps are cut at midnight, so they tile the day line with the other
/// schedule and both resolve to instants through the same lenient mapping.</remarks>
internal sealed class ComplementSchedule : OpeningSchedule
{
    private const int Day = OpeningInterval.MinutesPerDay;
    private readonly OpeningSchedule _other;

    public ComplementSchedule(OpeningSchedule other) => _other = other;

    public override int MinutesPerOrdinaryWeek => (7 * Day) - _other.MinutesPerOrdinaryWeek;

    public override OpeningInterval[] On(LocalDate date)
    {
        var covered = new List<(int Start, int End)>();
        foreach (var carried in _other.On(date.PlusDays(-1)))
        {
            if (carried.EndMinute > Day)
            {
                covered.Add((0, carried.EndMinute - Day));
            }
        }
        foreach (var own in _other.On(date))
        {
            covered.Add((own.StartMinute, Math.Min(own.EndMinute, Day)));
        }
        covered.Sort((a, b) => a.Start.CompareTo(b.Start));

        var gaps = new List<OpeningInterval>();
        var cursor = 0;
        foreach (var (start, end) in covered)
        {
            if (start > cursor)
            {
                gaps.Add(new OpeningInterval(cursor, start));
            }
            cursor = Math.Max(cursor, end);
        }
        if (cursor < Day)
        {
            gaps.Add(new OpeningInterval(cursor, Day));
        }
        return [.. gaps];
    }

    public override bool TryGetOrdinaryWeek(LocalDate monday, out int minutes)
    {
        // In an ordinary week the part of Sunday's interval that runs into Monday equals the part of next Sunday's that
        // leaves the week, so the week's gaps are exactly 7 days less the other schedule's weekly hours.
        minutes = MinutesPerOrdinaryWeek;
        return _other.TryGetOrdinaryWeek(monday, out _);
    }
}
