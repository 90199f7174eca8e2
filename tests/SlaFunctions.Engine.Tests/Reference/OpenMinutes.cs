using NodaTime;
using NodaTime.TimeZones;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>Which minutes of a window a calendar is open, decided minute by minute from its description: a minute t is
/// open when it lies in [opening, closing) of some interval of t's local date or the date before, each wall-clock
/// boundary mapped on its own with the lenient resolver; a complement is open exactly when its base is not; <c>24x7</c>
/// always. Per-date boundary instants are cached; nothing else is.</summary>
internal sealed class OpenMinutes
{
    private readonly bool[] _open;

    public OpenMinutes(CalendarDescription calendar, MinuteWindow window)
    {
        Calendar = calendar;
        _open = new bool[window.Length];
        if (calendar.IsAlwaysOpen)
        {
            Array.Fill(_open, true);
            return;
        }
        // Day by day in the calendar's zone: each minute of a local date is checked against the intervals of that
        // date and of the date before, one minute at a time.
        var last = window.At(window.Length).InZone(calendar.Zone).Date;
        var yesterday = Boundaries(calendar, window.First.InZone(calendar.Zone).Date.PlusDays(-1));
        for (var date = window.First.InZone(calendar.Zone).Date; date <= last; date = date.PlusDays(1))
        {
            var today = Boundaries(calendar, date);
            var from = Math.Max(0, window.IndexOf(calendar.Zone.AtStartOfDay(date).ToInstant()));
            var to = Math.Min(window.Length, window.IndexOf(calendar.Zone.AtStartOfDay(date.PlusDays(1)).ToInstant()));
            for (var i = from; i < to; i++)
            {
                var at = window.At(i);
                var inBase = Covers(today, at) || Covers(yesterday, at);
                _open[i] = calendar.IsComplement ? !inBase : inBase;
            }
            yesterday = today;
        }
    }

    /// <summary>The calendar described.</summary>
    public CalendarDescription Calendar { get; }

    /// <summary>True when minute <paramref name="index"/> of the window is open.</summary>
    public bool this[int index] => _open[index];

    private static bool Covers((Instant Open, Instant Close)[] intervals, Instant at)
    {
        foreach (var (open, close) in intervals)
        {
            if (open <= at && at < close)
            {
                return true;
            }
        }
        return false;
    }

    private static (Instant Open, Instant Close)[] Boundaries(CalendarDescription calendar, LocalDate date) =>
        [.. calendar.IntervalsOn(date).Select(i => (Lenient(calendar.Zone, date, i.StartMinute), Lenient(calendar.Zone, date, i.EndMinute)))];

    /// <summary>The wall-clock minute <paramref name="minute"/> after <paramref name="date"/>'s midnight, as an instant.</summary>
    public static Instant Lenient(DateTimeZone zone, LocalDate date, int minute) =>
        date.AtMidnight().PlusMinutes(minute).InZone(zone, Resolvers.LenientResolver).ToInstant();

    /// <summary>True when <paramref name="date"/> has at least one interval (a day that counts as a business day).</summary>
    public bool HasHours(LocalDate date) => Calendar.IntervalsOn(date).Length > 0;

    /// <summary>Minutes in a day, for callers walking wall-clock time.</summary>
    public const int MinutesPerDay = OpeningInterval.MinutesPerDay;
}
