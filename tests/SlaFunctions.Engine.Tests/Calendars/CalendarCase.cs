using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.TimeZones;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>A randomly drawn calendar definition that builds both the engine's calendar and the reference, and
/// prints itself so that a failing property shows exactly what it was given.</summary>
internal sealed record CalendarCase(
    DateTimeZone Zone,
    IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]> Weekly,
    IReadOnlyList<LocalDate> Holidays,
    IReadOnlyDictionary<LocalDate, OpeningInterval[]> Overrides)
{
    public const int MinutesPerWeek = 7 * OpeningInterval.MinutesPerDay;

    /// <summary>Open wall-clock minutes in an ordinary week.</summary>
    public int WeeklyMinutes => Weekly.Values.Sum(day => day.Sum(i => i.LengthMinutes));

    /// <summary>The engine's calendar.</summary>
    public BusinessCalendar ToCalendar() => BusinessCalendar.Weekly(
        "random",
        Zone,
        new WeeklyHours(Weekly.ToDictionary(d => d.Key, d => (IReadOnlyList<OpeningInterval>)d.Value)),
        Holidays,
        Overrides.ToDictionary(o => o.Key, o => (IReadOnlyList<OpeningInterval>)o.Value));

    /// <summary>The reference reading of the same definition.</summary>
    public ReferenceCalendar ToReference() => ReferenceCalendar.Weekly(Zone, Weekly, Holidays, Overrides);

    /// <summary>The intervals that start on <paramref name="date"/>: override, else none on a holiday, else the weekday's.</summary>
    public OpeningInterval[] On(LocalDate date) =>
        Overrides.TryGetValue(date, out var special) ? special
        : Holidays.Contains(date) ? []
        : Weekly.TryGetValue(date.DayOfWeek, out var hours) ? hours : [];

    /// <summary>False when, around some DST change in 2025-2028, two wall-clock boundaries in order map to instants out
    /// of order (a boundary inside a skipped hour moved past the next one), so intervals overlap or invert. The
    /// properties leave those calendars to <c>BusinessCalendarTests.Dst</c>, which pins them down one by one.</summary>
    public bool KeepsBoundariesInOrder()
    {
        var from = Instant.FromUtc(2025, 1, 1, 0, 0);
        var to = Instant.FromUtc(2028, 12, 31, 0, 0);
        foreach (var zoneInterval in Zone.GetZoneIntervals(from, to))
        {
            if (!zoneInterval.HasStart || zoneInterval.Start <= from)
            {
                continue;
            }
            var date = zoneInterval.Start.InZone(Zone).Date;
            var boundaries = new List<LocalDateTime>();
            for (var day = date.PlusDays(-3); day <= date.PlusDays(2); day = day.PlusDays(1))
            {
                foreach (var interval in On(day))
                {
                    boundaries.Add(day.AtMidnight().PlusMinutes(interval.StartMinute));
                    boundaries.Add(day.AtMidnight().PlusMinutes(interval.EndMinute));
                }
                boundaries.Add(day.AtMidnight());
            }
            boundaries.Sort();
            for (var i = 1; i < boundaries.Count; i++)
            {
                if (Lenient(boundaries[i]) < Lenient(boundaries[i - 1]))
                {
                    return false;
                }
            }
        }
        return true;
    }

    public override string ToString()
    {
        var text = new StringBuilder(Zone.Id).Append(':');
        foreach (var (day, intervals) in Weekly.OrderBy(d => d.Key).Where(d => d.Value.Length > 0))
        {
            text.Append(CultureInfo.InvariantCulture, $" {day.ToString()[..3]} {string.Join(",", intervals)};");
        }
        if (Holidays.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" holidays {string.Join(",", Holidays.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))};");
        }
        foreach (var (date, intervals) in Overrides.OrderBy(o => o.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $" {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} => [{string.Join(",", intervals)}];");
        }
        return text.ToString();
    }

    private Instant Lenient(LocalDateTime local) => local.InZone(Zone, Resolvers.LenientResolver).ToInstant();
}
