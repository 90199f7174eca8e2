using NodaTime;
using SlaFunctions.Policies.Documents;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Policies.Building;

/// <summary>Expands a calendar's yearly holiday rules (already checked by <see cref="Rules.HolidayRulesRule"/>) into
/// the dates they are observed on.</summary>
public static class HolidayRules
{
    /// <summary>Every date from the start of <paramref name="firstYear"/> to the end of <paramref name="lastYear"/> on
    /// which a holiday of <paramref name="rules"/> is observed, in order. A shift may move a holiday into the year before
    /// (New Year's Day 2011, a Saturday, is observed on Friday 2010-12-31), so the year after the span is worked out
    /// too.</summary>
    public static IReadOnlyList<LocalDate> Expand(IReadOnlyList<HolidayRuleDocument> rules, int firstYear = HolidaySpan.FirstYear, int lastYear = HolidaySpan.LastYear)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var byName = rules.ToDictionary(r => r.Name!, StringComparer.Ordinal);
        var dates = new SortedSet<LocalDate>();
        for (var year = firstYear; year <= lastYear + 1; year++)
        {
            foreach (var rule in rules)
            {
                var observed = Observed(rule).Apply(Actual(rule, year, byName));
                if (observed.Year >= firstYear && observed.Year <= lastYear)
                {
                    dates.Add(observed);
                }
            }
        }
        return [.. dates];
    }

    /// <summary>The holiday's own date in <paramref name="year"/>, before any observed shift.</summary>
    public static LocalDate Actual(HolidayRuleDocument rule, int year, IReadOnlyDictionary<string, HolidayRuleDocument> byName)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(byName);
        if (rule.RelativeTo is { } other)
        {
            return Actual(byName[other], year, byName).PlusDays(rule.Days ?? 0);
        }
        var month = PolicyWords.Months[rule.Month!];
        if (rule.Day is { } day)
        {
            return new LocalDate(year, month, day);
        }
        var weekday = PolicyWords.Days[rule.Weekday!];
        var week = PolicyWords.Weeks[rule.Week!];
        if (week > 0)
        {
            var first = new LocalDate(year, month, 1);
            var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
            return first.PlusDays(offset + (7 * (week - 1)));
        }
        var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        return last.PlusDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
    }

    private static ObservedShift Observed(HolidayRuleDocument rule) =>
        rule.Observed is { } word ? PolicyWords.ObservedShifts[word] : ObservedShift.None;
}
