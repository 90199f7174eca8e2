using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Sending;

/// <summary>When one person or role works: a time zone, days and one stretch of hours (<c>09:00-17:30</c>).</summary>
public sealed class WorkingHoursOptions
{
    private static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>An IANA zone, e.g. <c>America/New_York</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Working days, e.g. <c>mon</c> to <c>fri</c>.</summary>
    public List<string> Days { get; set; } = ["mon", "tue", "wed", "thu", "fri"];

    /// <summary>Working hours on each of those days, <c>HH:mm-HH:mm</c>.</summary>
    public string Hours { get; set; } = "09:00-17:00";

    /// <summary>The calendar, or the problems (each prefixed with <paramref name="key"/>) that stop it.</summary>
    public (BusinessCalendar? Calendar, IReadOnlyList<string> Problems) ToCalendar(string key)
    {
        var problems = new List<string>();
        if (!ZoneText.TryParse(TimeZone, out var zone))
        {
            problems.Add($"{key}:TimeZone '{TimeZone}' is not an IANA time zone such as Europe/London.");
        }
        var bounds = Hours.Split('-');
        var pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
        if (bounds.Length != 2 || pattern.Parse(bounds[0]) is not { Success: true } start || pattern.Parse(bounds[1]) is not { Success: true } end || start.Value == end.Value)
        {
            problems.Add($"{key}:Hours '{Hours}' is not a stretch of hours such as 09:00-17:30.");
            return (null, problems);
        }
        var unknown = Days.Where(d => Array.IndexOf(DayNames, d.ToLowerInvariant()) < 0).ToList();
        if (unknown.Count > 0 || Days.Count == 0)
        {
            problems.Add($"{key}:Days must name days among {string.Join(", ", DayNames)}; got '{string.Join(", ", Days)}'.");
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var startMinute = start.Value.Hour * 60 + start.Value.Minute;
        var endMinute = end.Value.Hour * 60 + end.Value.Minute;
        var interval = new OpeningInterval(startMinute, endMinute > startMinute ? endMinute : endMinute + OpeningInterval.MinutesPerDay);
        var days = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>();
        foreach (var day in Days)
        {
            days[(IsoDayOfWeek)(Array.IndexOf(DayNames, day.ToLowerInvariant()) + 1)] = [interval];
        }
        return (BusinessCalendar.Weekly(key, zone, new WeeklyHours(days)), problems);
    }
}
