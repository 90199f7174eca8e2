using NodaTime;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Problems;

namespace SlaFunctions.Monitoring.Reports;

/// <summary>The period a report (or a replay) covers: cases opened in [from, to).</summary>
public static class ReportPeriod
{
    /// <summary>Reads <paramref name="from"/> and <paramref name="to"/>, ISO-8601 instants that default to the UTC month
    /// of <paramref name="now"/>; each bad one, and a <c>to</c> not after <c>from</c>, is added to
    /// <paramref name="errors"/> under its name.</summary>
    public static (Instant From, Instant To) Read(string? from, string? to, Instant now, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count;
        var monthStart = now.InUtc().Date.With(DateAdjusters.StartOfMonth).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var start = Instant(from, "from", monthStart, errors);
        var end = Instant(to, "to", monthStart.InUtc().Date.PlusMonths(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), errors);
        if (errors.Count == count && end <= start)
        {
            errors.Add(new("to", "must be after 'from'; the window is [from, to)."));
        }
        return (start, end);
    }

    private static Instant Instant(string? text, string name, Instant fallback, List<ProblemError> errors)
    {
        if (text is null)
        {
            return fallback;
        }
        if (InstantText.TryParse(text, out var at, out var error))
        {
            return at;
        }
        errors.Add(new(name, error));
        return fallback;
    }
}
