using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>When one person or role works: a time zone, days and one stretch of hours (<c>09:00-17:30</c>).</summary>
public sealed class WorkingHoursOptions
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>An IANA zone, e.g. <c>America/New_York</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri"];

    /// <summary>Working days, e.g. <c>sat</c>, <c>sun</c>; none given means <c>mon</c> to <c>fri</c>. Empty by
    /// default, not pre-filled: the configuration binder adds to a list it finds, so a pre-filled Monday to Friday
    /// would stay under whatever days were configured.</summary>
    public List<string> Days { get; set; } = [];

    /// <summary>Working hours on each of those days, <c>HH:mm-HH:mm</c> as in policies: <c>00:00-24:00</c> is the
    /// whole day, and an end not after the start crosses midnight (<c>22:00-06:00</c>).</summary>
    public string Hours { get; set; } = "09:00-17:00";

    /// <summary>The days that count: those configured, else Monday to Friday.</summary>
    public IReadOnlyList<string> WorkingDays => Days.Count > 0 ? Days : Weekdays;

    /// <summary>The calendar, or the problems (each prefixed with <paramref name="key"/>) that stop it.</summary>
    public (BusinessCalendar? Calendar, IReadOnlyList<string> Problems) ToCalendar(string key)
    {
        var problems = new List<string>();
        if (!ZoneText.TryParse(TimeZone, out var zone))
        {
            problems.Add($"{key}:TimeZone '{TimeZone}' is not an IANA time zone such as Europe/London.");
        }
        if (!OpeningInterval.TryParse(Hours, out var interval) || interval.LengthMinutes == 0)
        {
            problems.Add($"{key}:Hours '{Hours}' is not a stretch of hours such as 09:00-17:30 (00:00-24:00 is the whole day).");
        }
        var unknown = WorkingDays.Where(d => Array.IndexOf(DayNames, d.ToLowerInvariant()) < 0).ToList();
        if (unknown.Count > 0)
        {
            problems.Add($"{key}:Days must name days among {string.Join(", ", DayNames)}; got '{string.Join(", ", WorkingDays)}'.");
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var day in WorkingDays)
        {
            days[(IsoDayOfWeek)(Array.IndexOf(DayNames, day.ToLowerInvariant()) + 1)] = [interval];
        }
        return (BusinessCalendar.Weekly(key, zone, new WeeklyHours(days)), problems);
    }
}
