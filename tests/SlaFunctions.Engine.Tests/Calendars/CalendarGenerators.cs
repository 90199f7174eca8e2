using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>FsCheck generators of random calendars, starts and goals across 2026.</summary>
internal static class CalendarGenerators
{
    private const int Day = OpeningInterval.MinutesPerDay;
    private const int Week = CalendarCase.MinutesPerWeek;

    private static readonly DateTimeZone[] Zones =
    [
        TestCalendars.NewYork,
        TestCalendars.London,
        TestCalendars.LordHowe,
        TestCalendars.Kolkata,
        TestCalendars.EtcGmt,
        TestCalendars.FixedPlus0530,
    ];

    // Day shapes that real contracts use, plus night hours placed on the DST changes (all on Sundays at 01:00-02:00).
    private static readonly string[] DayShapes =
    [
        "", "", "00:00-24:00", "09:00-17:00", "08:00-01:00", "22:00-06:00", "09:00-12:00,13:00-17:00",
        "01:30-03:30", "00:30-01:30", "01:00-02:00", "02:15-02:45", "01:45-23:00", "18:00-02:30", "03:15-05:00",
        "00:00-02:30,03:15-05:00", "02:30-03:00,04:00-06:00",
    ];

    // Dates near the 2026 DST changes of the zones above, and the turn of the year.
    private static readonly LocalDate[] InterestingDates =
    [
        new(2026, 3, 8), new(2026, 11, 1), new(2026, 3, 29), new(2026, 10, 25), new(2026, 4, 5), new(2026, 10, 4),
        new(2026, 1, 1), new(2026, 12, 25), new(2026, 12, 31),
    ];

    /// <summary>A calendar with random weekly hours (some crossing midnight), holidays and half-day overrides.</summary>
    public static Gen<CalendarCase> Calendar { get; } =
        (from zone in Gen.Elements(Zones)
         from weekly in Gen.Frequency((2, SlotWeek()), (1, ShapedWeek())).Where(w => w.Values.Sum(d => d.Length) > 0)
         from holidayCount in Gen.Choose(0, 6)
         from holidays in Gen.ArrayOf(DateIn2026(), holidayCount)
         from overrides in Overrides(weekly)
         select new CalendarCase(zone, weekly, holidays.Distinct().ToArray(), overrides));

    /// <summary>A start in 2026, often near a DST change, sometimes exactly on an opening or closing.</summary>
    public static Gen<Instant> StartFor(ReferenceCalendar reference) =>
        Gen.Frequency(
            (3, from date in DateIn2026() from minute in Gen.Choose(0, (3 * Day) - 1) select Midnight(date) + Duration.FromMinutes(minute)),
            (1, from date in DateIn2026() from second in Gen.Choose(0, Day * 60) select Midnight(date) + Duration.FromSeconds(second)),
            (2, from date in DateIn2026() from k in Gen.Choose(0, 7) select Boundary(reference, Midnight(date), k)));

    /// <summary>A goal: short, up to five ordinary weeks of open time, or exactly up to the k-th closing after start.</summary>
    public static Gen<Duration> GoalFor(ReferenceCalendar reference, int weeklyMinutes, Instant start) =>
        Gen.Frequency(
            (3, Gen.Choose(0, 600).Select(m => Duration.FromMinutes(m))),
            (3, Gen.Choose(0, 2 * weeklyMinutes).Select(m => Duration.FromMinutes(m))),
            (1, Gen.Choose(2 * weeklyMinutes, 5 * weeklyMinutes).Select(m => Duration.FromMinutes(m))),
            (2, Gen.Choose(0, 10).Select(k => reference.OpenTime(start, Boundary(reference, start, (2 * k) + 1)))));

    private static Gen<LocalDate> DateIn2026() =>
        Gen.Frequency(
            (1, Gen.Choose(0, 364).Select(d => new LocalDate(2026, 1, 1).PlusDays(d))),
            (1, from date in Gen.Elements(InterestingDates) from shift in Gen.Choose(-2, 2) select date.PlusDays(shift)));

    private static Instant Midnight(LocalDate date) => date.AtMidnight().InUtc().ToInstant();

    // The k-th boundary (even k: an opening, odd k: a closing) of the open set after `from`, or `from` if there is none soon.
    private static Instant Boundary(ReferenceCalendar reference, Instant from, int k)
    {
        var pieces = reference.OpenSet(from, from + Duration.FromDays(42));
        var index = k / 2;
        if (index >= pieces.Count)
        {
            return from;
        }
        return k % 2 == 0 ? pieces[index].Start : pieces[index].End;
    }

    // The week split into n slots starting at a random offset; each slot may hold one interval of up to 24 h, so
    // intervals never overlap and some cross midnight, including Sunday into Monday.
    private static Gen<IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]>> SlotWeek() =>
        from step in Gen.Elements(1, 15, 30, 60)
        from slots in Gen.Choose(1, 14)
        from offset in Gen.Choose(0, (Week / slots) - 1)
        from picks in Gen.ArrayOf(Gen.Three(Gen.Choose(0, 1000)), slots)
        select (IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]>)Slots(step, slots, offset, picks);

    private static Dictionary<IsoDayOfWeek, OpeningInterval[]> Slots(int step, int slots, int offset, (int, int, int)[] picks)
    {
        var width = Week / slots;
        var days = new Dictionary<IsoDayOfWeek, List<OpeningInterval>>();
        for (var slot = 0; slot < slots; slot++)
        {
            var (present, where, length) = picks[slot];
            var slotStart = offset + (slot * width);
            var slotEnd = slot == slots - 1 ? offset + Week : slotStart + width;
            var first = (slotStart + step - 1) / step * step;
            var room = (slotEnd - first) / step;
            if (present % 4 == 0 || room < 1)
            {
                continue;
            }
            var start = first + (where % room * step);
            var maxLength = Math.Min(Day / step, (slotEnd - start) / step);
            if (maxLength < 1)
            {
                continue;
            }
            var end = start + ((1 + (length % maxLength)) * step);
            var dayIndex = start % Week / Day;
            var startMinute = start % Day;
            var day = (IsoDayOfWeek)(dayIndex + 1);
            (days.TryGetValue(day, out var list) ? list : days[day] = []).Add(new OpeningInterval(startMinute, startMinute + (end - start)));
        }
        return days.ToDictionary(d => d.Key, d => d.Value.OrderBy(i => i.StartMinute).ToArray());
    }

    private static Gen<IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]>> ShapedWeek() =>
        Gen.ArrayOf(Gen.Elements(DayShapes), 7)
            .Select(shapes => (IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]>)Enumerable.Range(0, 7).ToDictionary(
                d => (IsoDayOfWeek)(d + 1),
                d => shapes[d].Length == 0 ? [] : shapes[d].Split(',').Select(TestCalendars.Interval).ToArray()))
            .Where(NoOverlapInWeek);

    private static bool NoOverlapInWeek(IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]> weekly)
    {
        var ranges = weekly
            .SelectMany(d => d.Value.Select(i => (Start: (((int)d.Key - 1) * Day) + i.StartMinute, End: (((int)d.Key - 1) * Day) + i.EndMinute)))
            .OrderBy(r => r.Start)
            .ToList();
        for (var i = 1; i < ranges.Count; i++)
        {
            if (ranges[i].Start < ranges[i - 1].End)
            {
                return false;
            }
        }
        return ranges.Count == 0 || ranges[^1].End - Week <= ranges[0].Start;
    }

    // Half days: on a few dates, each of the weekday's intervals is kept, dropped, or cut short; sometimes all dropped.
    private static Gen<IReadOnlyDictionary<LocalDate, OpeningInterval[]>> Overrides(IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]> weekly) =>
        from count in Gen.Choose(0, 4)
        from dates in Gen.ArrayOf(DateIn2026(), count)
        from cuts in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 1000), 4), count)
        select (IReadOnlyDictionary<LocalDate, OpeningInterval[]>)dates
            .Select((date, i) => (date, cut: cuts[i]))
            .DistinctBy(o => o.date)
            .ToDictionary(o => o.date, o => Cut(weekly.TryGetValue(o.date.DayOfWeek, out var hours) ? hours : [], o.cut));

    private static OpeningInterval[] Cut(OpeningInterval[] hours, int[] cut) =>
        [.. hours.Select((interval, i) => (interval, choice: cut[i % cut.Length]))
            .Where(x => x.choice % 3 != 0)
            .Select(x => x.choice % 3 == 1 || x.interval.LengthMinutes < 2
                ? x.interval
                : new OpeningInterval(x.interval.StartMinute, x.interval.StartMinute + 1 + (x.choice % (x.interval.LengthMinutes - 1))))];
}
