using NodaTime;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Tests;

/// <summary>Zones and calendars the tests share, built from the engine's own types.</summary>
internal static class TestCalendars
{
    /// <summary>Springs forward on 2026-03-08 (02:00 EST becomes 03:00 EDT), falls back on 2026-11-01 (02:00 EDT becomes 01:00 EST).</summary>
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    /// <summary>Springs forward on 2026-03-29 (01:00 GMT becomes 02:00 BST), falls back on 2026-10-25 (02:00 BST becomes 01:00 GMT).</summary>
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>A half-hour DST shift: falls back on 2026-04-05 (02:00 becomes 01:30), springs forward on 2026-10-04 (02:00 becomes 02:30).</summary>
    public static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];

    /// <summary>+05:30 all year, no DST.</summary>
    public static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];

    /// <summary>The LumenVox zone: GMT all year, no DST (unlike Europe/London).</summary>
    public static readonly DateTimeZone EtcGmt = DateTimeZoneProviders.Tzdb["Etc/GMT"];

    /// <summary>A fixed offset as a policy writes it, <c>UTC+05:30</c>.</summary>
    public static readonly DateTimeZone FixedPlus0530 = DateTimeZone.ForOffset(Offset.FromHoursAndMinutes(5, 30));

    /// <summary>09:00-17:00 Monday to Friday in UTC, no holidays: 40 h a week.</summary>
    public static readonly BusinessCalendar Support = Weekly("support", DateTimeZone.Utc, ("Mon-Fri", "09:00-17:00"));

    /// <summary>Weekly hours from lines such as <c>("Mon-Fri", "09:00-12:00,13:00-17:00")</c> or <c>("Sat", "00:00-24:00")</c>.</summary>
    public static WeeklyHours Hours(params (string Days, string Intervals)[] lines)
    {
        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var (dayText, intervalText) in lines)
        {
            var intervals = intervalText.Split(',').Select(Interval).ToList();
            foreach (var day in Days(dayText))
            {
                days[day] = [.. (days.TryGetValue(day, out var existing) ? existing : []), .. intervals];
            }
        }
        return new WeeklyHours(days);
    }

    /// <summary>A weekly calendar with optional holidays and per-date overrides.</summary>
    public static BusinessCalendar Weekly(
        string name,
        DateTimeZone zone,
        (string Days, string Intervals)[] lines,
        IEnumerable<LocalDate>? holidays = null,
        IReadOnlyDictionary<LocalDate, IReadOnlyList<OpeningInterval>>? overrides = null) =>
        BusinessCalendar.Weekly(name, zone, Hours(lines), holidays, overrides);

    /// <summary>A weekly calendar without holidays.</summary>
    public static BusinessCalendar Weekly(string name, DateTimeZone zone, params (string Days, string Intervals)[] lines) =>
        BusinessCalendar.Weekly(name, zone, Hours(lines));

    /// <summary>Reads <c>HH:MM-HH:MM</c> through the engine, failing loudly on a typo in a test.</summary>
    public static OpeningInterval Interval(string text) =>
        OpeningInterval.TryParse(text, out var interval) ? interval : throw new FormatException($"'{text}' is not HH:MM-HH:MM.");

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    private static IEnumerable<IsoDayOfWeek> Days(string text)
    {
        foreach (var part in text.Split(','))
        {
            var range = part.Split('-');
            var first = Day(range[0]);
            var last = range.Length == 2 ? Day(range[1]) : first;
            for (var day = first; day <= last; day++)
            {
                yield return day;
            }
        }
    }

    private static IsoDayOfWeek Day(string text) => text.Trim() switch
    {
        "Mon" => IsoDayOfWeek.Monday,
        "Tue" => IsoDayOfWeek.Tuesday,
        "Wed" => IsoDayOfWeek.Wednesday,
        "Thu" => IsoDayOfWeek.Thursday,
        "Fri" => IsoDayOfWeek.Friday,
        "Sat" => IsoDayOfWeek.Saturday,
        "Sun" => IsoDayOfWeek.Sunday,
        _ => throw new FormatException($"'{text}' is not a day such as Mon."),
    };
}
