using NodaTime.Text;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Policies.Documents;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Policies.Rules;

/// <summary>Each calendar: zone, hours, holidays, overrides, and complements that point somewhere real.</summary>
public sealed class CalendarRule : IPolicyRule
{
    /// <inheritdoc />
    public void Check(PolicyDocument policy, PolicyProblems problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var (name, calendar) in policy.Calendars)
        {
            var path = $"calendars.{name}";
            if (name == BusinessCalendar.AlwaysOpenName)
            {
                problems.Add(path, "'24x7' is built in and always open; give your calendar another name.");
                continue;
            }
            if (calendar.ComplementOf is { } other)
            {
                CheckComplement(policy, name, calendar, other, path, problems);
                continue;
            }
            if (calendar.TimeZone is null)
            {
                problems.Add($"{path}.timeZone", "is required; write an IANA zone such as America/New_York, or UTC+05:30.");
            }
            else if (!ZoneText.TryParse(calendar.TimeZone, out _))
            {
                problems.Add($"{path}.timeZone", $"'{calendar.TimeZone}' is not a time zone; write an IANA id such as Europe/London, or UTC-05:00.");
            }
            var weekly = CheckWeek(calendar.Hours, $"{path}.hours", problems);
            if (weekly == 0 && calendar.Hours.Values.All(v => v.Count == 0))
            {
                problems.Add($"{path}.hours", "the calendar is never open; give at least one day hours such as mon: [\"09:00-17:00\"].");
            }
            for (var i = 0; i < calendar.Holidays.Count; i++)
            {
                if (!LocalDatePattern.Iso.Parse(calendar.Holidays[i]).Success)
                {
                    problems.Add($"{path}.holidays[{i}]", $"'{calendar.Holidays[i]}' is not a date; write YYYY-MM-DD.");
                }
            }
            foreach (var (date, intervals) in calendar.Overrides)
            {
                if (!LocalDatePattern.Iso.Parse(date).Success)
                {
                    problems.Add($"{path}.overrides.{date}", $"'{date}' is not a date; write YYYY-MM-DD.");
                }
                CheckDay(intervals, $"{path}.overrides.{date}", problems);
            }
        }
    }

    private static void CheckComplement(PolicyDocument policy, string name, CalendarDocument calendar, string other, string path, PolicyProblems problems)
    {
        if (calendar.TimeZone is not null || calendar.Hours.Count > 0 || calendar.Holidays.Count > 0 || calendar.Overrides.Count > 0 || calendar.HolidaysFrom is not null)
        {
            problems.Add(path, "a complement takes its zone, hours and holidays from the calendar it complements; remove timeZone, hours, holidays, holidaysFrom and overrides.");
        }
        if (other == BusinessCalendar.AlwaysOpenName)
        {
            problems.Add($"{path}.complementOf", "the complement of '24x7' is never open; name a calendar with closed hours.");
            return;
        }
        var seen = new HashSet<string> { name };
        var cursor = other;
        while (true)
        {
            if (!policy.Calendars.TryGetValue(cursor, out var next))
            {
                problems.Add($"{path}.complementOf", $"'{cursor}' is not a calendar of this policy; use one of: {string.Join(", ", policy.Calendars.Keys)}.");
                return;
            }
            if (!seen.Add(cursor))
            {
                problems.Add($"{path}.complementOf", $"complements go round in a circle through '{cursor}'; one calendar must have hours of its own.");
                return;
            }
            if (next.ComplementOf is not { } further)
            {
                return;
            }
            cursor = further;
        }
    }

    private static int CheckWeek(IReadOnlyDictionary<string, IReadOnlyList<string>> hours, string path, PolicyProblems problems)
    {
        var total = 0;
        var days = new Dictionary<string, List<OpeningInterval>>();
        foreach (var (day, intervals) in hours)
        {
            if (!PolicyWords.Days.ContainsKey(day))
            {
                problems.Add($"{path}.{day}", $"'{day}' is not a day; use mon, tue, wed, thu, fri, sat or sun.");
                continue;
            }
            days[day] = CheckDay(intervals, $"{path}.{day}", problems);
            total += days[day].Sum(i => i.LengthMinutes);
        }
        // An interval that crosses midnight must end before the next day's first opening.
        var keys = PolicyWords.Days.Keys.ToList();
        for (var d = 0; d < keys.Count; d++)
        {
            var next = keys[(d + 1) % keys.Count];
            if (!days.TryGetValue(keys[d], out var today) || !days.TryGetValue(next, out var tomorrow) || today.Count == 0 || tomorrow.Count == 0)
            {
                continue;
            }
            var spill = today.Max(i => i.EndMinute) - OpeningInterval.MinutesPerDay;
            if (spill > tomorrow.Min(i => i.StartMinute))
            {
                problems.Add($"{path}.{keys[d]}", $"an interval runs past midnight into {next}'s first interval; end it earlier or start {next} later.");
            }
        }
        return total;
    }

    private static List<OpeningInterval> CheckDay(IReadOnlyList<string> intervals, string path, PolicyProblems problems)
    {
        var read = new List<OpeningInterval>();
        for (var i = 0; i < intervals.Count; i++)
        {
            if (OpeningInterval.TryParse(intervals[i], out var interval))
            {
                read.Add(interval);
            }
            else
            {
                problems.Add($"{path}[{i}]", $"'{intervals[i]}' is not an interval; write HH:MM-HH:MM such as 08:00-17:00 (24:00 ends the day; an end before the start runs past midnight).");
            }
        }
        var sorted = read.OrderBy(i => i.StartMinute).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (sorted[i].StartMinute < sorted[i - 1].EndMinute)
            {
                problems.Add(path, $"intervals {sorted[i - 1]} and {sorted[i]} overlap; merge them into one.");
            }
        }
        return read;
    }
}
