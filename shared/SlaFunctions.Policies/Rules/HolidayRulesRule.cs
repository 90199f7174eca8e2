using SlaFunctions.Policies.Documents;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Policies.Rules;

/// <summary>Each calendar's <c>holidayRules</c>: named once, in exactly one form (fixed date, n-th weekday, or relative
/// to another rule), with real months, days and weekdays, and relative rules that end at a dated one.</summary>
public sealed class HolidayRulesRule : IPolicyRule
{
    /// <inheritdoc />
    public void Check(PolicyDocument policy, PolicyProblems problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var (name, calendar) in policy.Calendars)
        {
            var path = $"calendars.{name}.holidayRules";
            if (calendar.ComplementOf is not null)
            {
                if (calendar.HolidayRules.Count > 0)
                {
                    problems.Add(path, "a complement takes its holidays from the calendar it complements; remove holidayRules.");
                }
                continue;
            }
            var names = new Dictionary<string, HolidayRuleDocument>(StringComparer.Ordinal);
            for (var i = 0; i < calendar.HolidayRules.Count; i++)
            {
                if (calendar.HolidayRules[i].Name is { } ruleName && !names.TryAdd(ruleName, calendar.HolidayRules[i]))
                {
                    problems.Add($"{path}[{i}].name", $"'{ruleName}' is named twice; give each rule its own name.");
                }
            }
            for (var i = 0; i < calendar.HolidayRules.Count; i++)
            {
                CheckRule(calendar.HolidayRules[i], $"{path}[{i}]", names, problems);
            }
        }
    }

    private static void CheckRule(HolidayRuleDocument rule, string path, Dictionary<string, HolidayRuleDocument> names, PolicyProblems problems)
    {
        if (rule.Observed is { } observed && !PolicyWords.ObservedShifts.ContainsKey(observed))
        {
            problems.Add($"{path}.observed", $"'{observed}' is not a shift; use {PolicyWords.OneOf(PolicyWords.ObservedShifts)}.");
        }
        var forms = (rule.Day is not null ? 1 : 0) + (rule.Weekday is not null || rule.Week is not null ? 1 : 0) + (rule.RelativeTo is not null ? 1 : 0);
        if (forms != 1)
        {
            problems.Add(path, "write exactly one form: month and day (a fixed date), month, weekday and week (such as the fourth Thursday of November), or relativeTo and days (such as the day after Thanksgiving).");
            return;
        }
        if (rule.RelativeTo is { } other)
        {
            CheckRelative(rule, other, path, names, problems);
            return;
        }
        if (rule.Days is not null)
        {
            problems.Add($"{path}.days", "goes only with relativeTo; remove it.");
        }
        if (rule.Month is null)
        {
            problems.Add($"{path}.month", "is required; write jan, feb, ... dec.");
            return;
        }
        if (!PolicyWords.Months.TryGetValue(rule.Month, out var month))
        {
            problems.Add($"{path}.month", $"'{rule.Month}' is not a month; use {PolicyWords.OneOf(PolicyWords.Months)}.");
            return;
        }
        if (rule.Day is { } day)
        {
            // February 29 would skip three years in four; a leap-day holiday is a plain date.
            var longest = month == 2 ? 28 : DateTime.DaysInMonth(2001, month);
            if (day < 1 || day > longest)
            {
                problems.Add($"{path}.day", $"{day} is not a day of {rule.Month} every year; use 1 to {longest}.");
            }
            return;
        }
        if (rule.Weekday is null || !PolicyWords.Days.ContainsKey(rule.Weekday))
        {
            problems.Add($"{path}.weekday", rule.Weekday is null ? "is required with week; use mon, tue, wed, thu, fri, sat or sun." : $"'{rule.Weekday}' is not a day; use mon, tue, wed, thu, fri, sat or sun.");
        }
        if (rule.Week is null || !PolicyWords.Weeks.ContainsKey(rule.Week))
        {
            problems.Add($"{path}.week", rule.Week is null ? $"is required with weekday; use {PolicyWords.OneOf(PolicyWords.Weeks)}." : $"'{rule.Week}' is not a week of the month; use {PolicyWords.OneOf(PolicyWords.Weeks)}.");
        }
    }

    private static void CheckRelative(HolidayRuleDocument rule, string other, string path, Dictionary<string, HolidayRuleDocument> names, PolicyProblems problems)
    {
        if (rule.Month is not null)
        {
            problems.Add($"{path}.month", "does not go with relativeTo; the date comes from the other rule. Remove it.");
        }
        if (rule.Days is null)
        {
            problems.Add($"{path}.days", "is required with relativeTo; write 1 for the day after, -1 for the day before.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (rule.Name is not null)
        {
            seen.Add(rule.Name);
        }
        var cursor = other;
        while (true)
        {
            if (!names.TryGetValue(cursor, out var next))
            {
                problems.Add($"{path}.relativeTo", $"'{cursor}' is not a rule of this calendar; use one of: {string.Join(", ", names.Keys)}.");
                return;
            }
            if (!seen.Add(cursor))
            {
                problems.Add($"{path}.relativeTo", $"rules go round in a circle through '{cursor}'; one of them must have a date of its own.");
                return;
            }
            if (next.RelativeTo is not { } further)
            {
                return;
            }
            cursor = further;
        }
    }
}
