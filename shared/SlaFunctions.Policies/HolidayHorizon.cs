using NodaTime;

namespace SlaFunctions.Policies;

/// <summary>Warns about calendars whose holidays run out soon: after the last one, every weekday counts as open, so
/// a contract's holidays silently stop being honoured.</summary>
public static class HolidayHorizon
{
    /// <summary>How far ahead a calendar must know its holidays.</summary>
    public static Period Ahead { get; } = Period.FromMonths(12);

    /// <summary>A warning, with the calendar's path, for each calendar of <paramref name="result"/> whose last holiday is
    /// before <paramref name="today"/> plus <see cref="Ahead"/>.</summary>
    public static IReadOnlyList<PolicyProblem> Warnings(PolicyReadResult result, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(result);
        var horizon = today.Plus(Ahead);
        return [.. result.LastHolidays
            .Where(c => c.Value < horizon)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new PolicyProblem(
                $"calendars.{c.Key}",
                $"its last holiday is {c.Value:yyyy-MM-dd}, less than 12 months from {today:yyyy-MM-dd}; after it every working day counts as open. State the holidays as holidayRules, or as recurring (RRULE) events in the holidaysFrom file."))];
    }
}
