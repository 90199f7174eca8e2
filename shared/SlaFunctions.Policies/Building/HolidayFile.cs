using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace SlaFunctions.Policies.Building;

/// <summary>Reads holidays from an iCalendar file: each all-day event closes the dates it spans (DTEND exclusive).</summary>
/// <remarks>Events with a time of day are not holidays and are skipped: a half-day closure belongs in
/// <c>overrides</c>. A recurring event (RRULE, with any EXDATE) closes every date Ical.Net expands it to, up to
/// the end of <see cref="HolidaySpan.LastYear"/>.</remarks>
public static class HolidayFile
{
    /// <summary>The holiday dates in <paramref name="icalendarText"/>.</summary>
    /// <exception cref="FormatException">The text is not iCalendar.</exception>
    // Ical.Net creates the values of RRULE (and of the BYDAY parts and EXDATE lists in it) by reflection; under Native
    // AOT their constructors are kept here, or trimming removes them and every recurring event fails to load.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(Ical.Net.DataTypes.RecurrencePattern))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, typeof(Ical.Net.DataTypes.WeekDay))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor, "Ical.Net.DataTypes.PeriodList", "Ical.Net")]
    public static IReadOnlyList<LocalDate> Read(string icalendarText)
    {
        try
        {
            var calendar = Ical.Net.Calendar.Load(icalendarText)
                ?? throw new FormatException("The file is not iCalendar (RFC 5545): no VCALENDAR found.");
            return Dates(calendar);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or FormatException))
        {
            // Ical.Net reports bad input (also a bad RRULE, found while expanding it) with several exception types; the
            // caller needs one, with the cause kept.
            throw new FormatException("The file is not iCalendar (RFC 5545): " + ex.Message, ex);
        }
    }

    private static List<LocalDate> Dates(Ical.Net.Calendar calendar)
    {
        var dates = new SortedSet<LocalDate>();
        foreach (var holiday in calendar.Events)
        {
            if (holiday.DtStart is not { HasTime: false } start)
            {
                continue;
            }
            var first = LocalDate.FromDateOnly(start.Date);
            var length = holiday.DtEnd is { HasTime: false } stop ? Math.Max(1, Period.Between(first, LocalDate.FromDateOnly(stop.Date), PeriodUnits.Days).Days) : 1;
            foreach (var day in Starts(holiday, first))
            {
                for (var i = 0; i < length; i++)
                {
                    dates.Add(day.PlusDays(i));
                }
            }
        }
        return [.. dates];
    }

    // The first day of each occurrence: the event's own for a single event, every expanded one for a recurring event.
    private static IEnumerable<LocalDate> Starts(Ical.Net.CalendarComponents.CalendarEvent holiday, LocalDate first)
    {
        if (holiday.RecurrenceRule is null)
        {
            return [first];
        }
        return holiday.GetOccurrences()
            .Select(o => LocalDate.FromDateOnly(o.Period.StartTime.Date))
            .TakeWhile(d => d.Year <= HolidaySpan.LastYear);
    }
}
