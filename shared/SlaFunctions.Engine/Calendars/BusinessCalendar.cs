using NodaTime;
using NodaTime.TimeZones;

namespace SlaFunctions.Engine.Calendars;

/// <summary>Weekly opening hours in one time zone, less holidays, or the special always-open <c>24x7</c>.
/// SLA goals are measured in its open time.</summary>
/// <remarks>Intervals are half-open: open at 08:00, closed at 17:00. An interval whose end is not after its start runs
/// into the next day and belongs to the day it starts on. Local times map to instants leniently (a time skipped by a
/// DST jump moves forward by the gap; an ambiguous time takes the earlier offset), so a spring-forward day is an hour
/// shorter. Computations skip whole intervals and whole ordinary weeks; they never walk minute by minute.
/// Immutable and safe to share between threads.</remarks>
public sealed class BusinessCalendar
{
    /// <summary>The name of the built-in calendar that is always open.</summary>
    public const string AlwaysOpenName = "24x7";

    private static readonly Duration Week = Duration.FromDays(7);
    // No interval runs past midnight of the day after it starts, so two days cover one date's boundaries.
    private static readonly Duration TwoDays = Duration.FromDays(2);
    // How far a computation looks for open time before it decides the calendar never opens again.
    private const int HorizonDays = 366 * 200;

    private readonly OpeningSchedule? _schedule;

    private BusinessCalendar(string name, DateTimeZone zone, OpeningSchedule? schedule)
    {
        Name = name;
        Zone = zone;
        _schedule = schedule;
    }

    /// <summary>The calendar's name in its policy.</summary>
    public string Name { get; }

    /// <summary>The zone its wall-clock hours and holiday dates are read in (UTC for <c>24x7</c>).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>True for <c>24x7</c>, whose open time is plain elapsed time.</summary>
    public bool IsAlwaysOpen => _schedule is null;

    /// <summary>The built-in <c>24x7</c> calendar.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(AlwaysOpenName, DateTimeZone.Utc, null);

    /// <summary>A calendar of weekly hours in <paramref name="zone"/>, closed on <paramref name="holidays"/>, with
    /// <paramref name="overrides"/> replacing the weekly hours on their dates (an empty list closes the date).</summary>
    /// <exception cref="ArgumentException">The weekly hours are never open.</exception>
    public static BusinessCalendar Weekly(
        string name,
        DateTimeZone zone,
        WeeklyHours hours,
        IEnumerable<LocalDate>? holidays = null,
        IReadOnlyDictionary<LocalDate, IReadOnlyList<OpeningInterval>>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(hours);
        if (hours.MinutesPerWeek == 0)
        {
            throw new ArgumentException($"Calendar '{name}' has no opening hours in an ordinary week.", nameof(hours));
        }
        var schedule = new WeeklySchedule(hours, holidays ?? [], overrides ?? new Dictionary<LocalDate, IReadOnlyList<OpeningInterval>>());
        return new BusinessCalendar(name, zone, schedule);
    }

    /// <summary>A calendar open exactly when this one is closed, in the same zone.</summary>
    /// <exception cref="InvalidOperationException">This calendar is <c>24x7</c> or open around the clock every week,
    /// so its complement would never open.</exception>
    public BusinessCalendar Complement(string name)
    {
        if (_schedule is null || _schedule.MinutesPerOrdinaryWeek >= 7 * OpeningInterval.MinutesPerDay)
        {
            throw new InvalidOperationException($"Calendar '{Name}' is always open, so its complement '{name}' would never open.");
        }
        return new BusinessCalendar(name, Zone, new ComplementSchedule(_schedule));
    }

    /// <summary>The intervals, in wall-clock minutes, that start on <paramref name="date"/> (none for a holiday).</summary>
    public IReadOnlyList<OpeningInterval> HoursOn(LocalDate date) => _schedule is null ? [OpeningInterval.WholeDay] : _schedule.On(date);

    /// <summary>The earliest instant at or after <paramref name="start"/> by which <paramref name="goal"/> of open time
    /// has passed. A goal used up exactly at closing time is due at closing time; a zero goal is due at
    /// <paramref name="start"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="goal"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no more open time (it would take centuries).</exception>
    public Instant AddOpenTime(Instant start, Duration goal)
    {
        if (goal < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(goal), goal, "An open-time goal cannot be negative.");
        }
        if (_schedule is null || goal == Duration.Zero)
        {
            return start + goal;
        }

        var timeline = new LocalTimeline(Zone);
        var firstDate = start.InZone(Zone).Date;
        var date = firstDate.PlusDays(-1);
        var remaining = goal;
        // Counted time never goes back: on a spring-forward day an interval closing in the skipped hour moves forward
        // by the gap and can overlap the next opening, and the overlap is open once, not twice.
        var floor = start;
        for (var day = 0; day < HorizonDays; day++)
        {
            if (date > firstDate && date.DayOfWeek == IsoDayOfWeek.Monday && TrySkipWeek(ref timeline, date, remaining, out var weekTime))
            {
                remaining -= weekTime;
                date = date.PlusDays(7);
                floor = timeline.Midnight(date, Duration.Zero, out _);
                continue;
            }
            var midnight = timeline.Midnight(date, TwoDays, out var steady);
            foreach (var interval in _schedule.On(date))
            {
                var (open, close) = Bounds(ref timeline, date, interval, midnight, steady);
                if (open < floor)
                {
                    open = floor;
                }
                var length = close - open;
                if (length <= Duration.Zero)
                {
                    continue;
                }
                if (remaining <= length)
                {
                    return open + remaining;
                }
                remaining -= length;
                floor = close;
            }
            date = date.PlusDays(1);
        }
        throw new InvalidOperationException($"Calendar '{Name}' has no open time left after {start}.");
    }

    /// <summary>Open time in <c>[<paramref name="from"/>, <paramref name="to"/>)</c>; zero when
    /// <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public Duration OpenTimeBetween(Instant from, Instant to)
    {
        if (to <= from)
        {
            return Duration.Zero;
        }
        if (_schedule is null)
        {
            return to - from;
        }
        var timeline = new LocalTimeline(Zone);
        var firstDate = from.InZone(Zone).Date;
        var lastDate = to.InZone(Zone).Date;
        var date = firstDate.PlusDays(-1);
        var total = Duration.Zero;
        var floor = from;
        while (date <= lastDate)
        {
            if (date > firstDate && date.DayOfWeek == IsoDayOfWeek.Monday && date.PlusDays(8) < lastDate
                && TrySkipWeek(ref timeline, date, Duration.MaxValue, out var weekTime))
            {
                total += weekTime;
                date = date.PlusDays(7);
                floor = timeline.Midnight(date, Duration.Zero, out _);
                continue;
            }
            var midnight = timeline.Midnight(date, TwoDays, out var steady);
            foreach (var interval in _schedule.On(date))
            {
                var (open, close) = Bounds(ref timeline, date, interval, midnight, steady);
                if (open < floor)
                {
                    open = floor;
                }
                if (close > to)
                {
                    close = to;
                }
                if (close > open)
                {
                    total += close - open;
                    floor = close;
                }
            }
            date = date.PlusDays(1);
        }
        return total;
    }

    /// <summary>The open intervals that overlap <c>[<paramref name="from"/>, <paramref name="to"/>)</c>, clipped to it,
    /// in order. For drawing a calendar or intersecting it with pauses.</summary>
    public IEnumerable<Interval> OpenIntervals(Instant from, Instant to)
    {
        if (to <= from)
        {
            yield break;
        }
        if (_schedule is null)
        {
            yield return new Interval(from, to);
            yield break;
        }
        var timeline = new LocalTimeline(Zone);
        var lastDate = to.InZone(Zone).Date;
        var floor = from;
        for (var date = from.InZone(Zone).Date.PlusDays(-1); date <= lastDate; date = date.PlusDays(1))
        {
            foreach (var interval in _schedule.On(date))
            {
                var open = timeline.At(date, interval.StartMinute);
                var close = timeline.At(date, interval.EndMinute);
                open = open < floor ? floor : open;
                close = close > to ? to : close;
                if (close > open)
                {
                    yield return new Interval(open, close);
                    floor = close;
                }
            }
        }
    }

    /// <summary>True when <paramref name="instant"/> lies in open time.</summary>
    public bool IsOpenAt(Instant instant) => NextOpening(instant) == instant;

    /// <summary><paramref name="instant"/> itself when the calendar is open then, else the next opening.</summary>
    /// <exception cref="InvalidOperationException">The calendar never opens again.</exception>
    public Instant NextOpening(Instant instant)
    {
        if (_schedule is null)
        {
            return instant;
        }
        var timeline = new LocalTimeline(Zone);
        var date = instant.InZone(Zone).Date.PlusDays(-1);
        for (var day = 0; day < HorizonDays; day++, date = date.PlusDays(1))
        {
            var midnight = timeline.Midnight(date, TwoDays, out var steady);
            foreach (var interval in _schedule.On(date))
            {
                var (open, close) = Bounds(ref timeline, date, interval, midnight, steady);
                if (close > instant && close > open)
                {
                    return open > instant ? open : instant;
                }
            }
        }
        throw new InvalidOperationException($"Calendar '{Name}' never opens after {instant}.");
    }

    /// <summary>The same local wall-clock time on the <paramref name="days"/>-th following date that has opening hours
    /// and is no holiday, counted from <paramref name="start"/>, or from the next opening when
    /// <paramref name="start"/> is outside opening hours (spec: Durations, businessDays).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    public Instant AddBusinessDays(Instant start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var from = NextOpening(start);
        if (_schedule is null)
        {
            return from.InZone(Zone).LocalDateTime.PlusDays(days).InZone(Zone, Resolvers.LenientResolver).ToInstant();
        }
        var local = from.InZone(Zone).LocalDateTime;
        var date = local.Date;
        for (var counted = 0; counted < days;)
        {
            date = date.PlusDays(1);
            if (_schedule.On(date).Length > 0)
            {
                counted++;
            }
        }
        return date.At(local.TimeOfDay).InZone(Zone, Resolvers.LenientResolver).ToInstant();
    }

    private bool TrySkipWeek(ref LocalTimeline timeline, LocalDate monday, Duration remaining, out Duration weekTime)
    {
        weekTime = Duration.Zero;
        if (!_schedule!.TryGetOrdinaryWeek(monday, out var minutes))
        {
            return false;
        }
        weekTime = Duration.FromMinutes(minutes);
        // Skip only a week the goal runs past, whose offset holds from the Sunday before to the Tuesday after.
        if (remaining <= weekTime)
        {
            return false;
        }
        timeline.Midnight(monday.PlusDays(-1), Week + TwoDays + TwoDays, out var steady);
        return steady;
    }

    private static (Instant Open, Instant Close) Bounds(ref LocalTimeline timeline, LocalDate date, OpeningInterval interval, Instant midnight, bool steady)
    {
        if (steady)
        {
            return (midnight + Duration.FromMinutes(interval.StartMinute), midnight + Duration.FromMinutes(interval.EndMinute));
        }
        return (timeline.At(date, interval.StartMinute), timeline.At(date, interval.EndMinute));
    }
}
