using NodaTime;

namespace SlaFunctions.Policies.Building;

/// <summary>Reads holidays from an iCalendar file: each all-day event closes the dates it spans (DTEND exclusive).</summary>
/// <remarks>Events with a time of day are not holidays and are skipped, as are recurring rules: a feed lists each
/// year's dates, and a half-day closure belongs in <c>overrides</c>.</remarks>
public static class HolidayFile
{
    /// <summary>The holiday dates in <paramref name="icalendarText"/>.</summary>
    /// <exception cref="FormatException">The text is not iCalendar.</exception>
    public static IReadOnlyList<LocalDate> Read(string icalendarText)
    {
        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(icalendarText);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Ical.Net reports bad input with several exception types; the caller needs one, with the cause kept.
            throw new FormatException("The file is not iCalendar (RFC 5545): " + ex.Message, ex);
        }
        if (calendar is null)
        {
            throw new FormatException("The file is not iCalendar (RFC 5545): no VCALENDAR found.");
        }
        var dates = new SortedSet<LocalDate>();
        foreach (var holiday in calendar.Events)
        {
            if (holiday.DtStart is not { HasTime: false } start)
            {
                continue;
            }
            var first = LocalDate.FromDateOnly(start.Date);
            var end = holiday.DtEnd is { HasTime: false } stop ? LocalDate.FromDateOnly(stop.Date) : first.PlusDays(1);
            for (var date = first; date < end || date == first; date = date.PlusDays(1))
            {
                dates.Add(date);
            }
        }
        return [.. dates];
    }
}
