using NodaTime;
using SlaFunctions.Engine.Calendars;
using Xunit;
using static SlaFunctions.Engine.Tests.TestCalendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>Per-date overrides replace the weekly hours of their date: half days, extra days, closed days.</summary>
public sealed partial class BusinessCalendarTests
{
    // London office at Christmas 2026 (GMT, so Z times are local): half days on the 24th and 31st, closed on the 25th,
    // the 28th (Boxing Day substitute) and New Year's Day.
    private static readonly BusinessCalendar LondonChristmas = Weekly(
        "office-uk",
        London,
        [("Mon-Fri", "09:00-17:00")],
        [new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 28), new LocalDate(2027, 1, 1)],
        new Dictionary<LocalDate, IReadOnlyList<OpeningInterval>>
        {
            [new LocalDate(2026, 12, 24)] = [Interval("09:00-13:00")],
            [new LocalDate(2026, 12, 31)] = [Interval("09:00-12:00")],
        });

    // 09:00-17:00 UTC, but open on Saturday 2026-03-07 10:00-14:00, closed on Wednesday 2026-03-04, and on Friday
    // 2026-03-06 working an evening shift 20:00-02:00 instead of the day.
    private static readonly BusinessCalendar SupportWithOverrides = BusinessCalendar.Weekly(
        "support",
        DateTimeZone.Utc,
        Hours(("Mon-Fri", "09:00-17:00")),
        overrides: new Dictionary<LocalDate, IReadOnlyList<OpeningInterval>>
        {
            [new LocalDate(2026, 3, 7)] = [Interval("10:00-14:00")],
            [new LocalDate(2026, 3, 4)] = [],
            [new LocalDate(2026, 3, 6)] = [Interval("20:00-02:00")],
        });

    [Theory]
    [InlineData("2026-12-24T12:00:00Z", "2h", "2026-12-29T10:00:00Z")] // 1h of the half day, then past the 25th and 28th
    [InlineData("2026-12-24T09:00:00Z", "4h", "2026-12-24T13:00:00Z")] // the half day used up exactly at its 13:00 closing
    [InlineData("2026-12-24T13:00:00Z", "1h", "2026-12-29T10:00:00Z")] // at the half day's closing: closed
    [InlineData("2026-12-31T11:00:00Z", "2h", "2027-01-04T10:00:00Z")] // New Year's Eve until noon, New Year's Day closed
    public void AddOpenTime_ChristmasHalfDays_DueAsSpecified(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), LondonChristmas.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Theory]
    [InlineData("2026-12-21T00:00:00Z", "2026-12-28T00:00:00Z", "28h")] // Mon-Wed 24h + the 4h half day
    [InlineData("2026-12-28T00:00:00Z", "2027-01-04T00:00:00Z", "19h")] // Tue-Wed 16h + the 3h New Year's Eve
    public void OpenTimeBetween_ChristmasWeeks_HalfDaysAndHolidays(string from, string to, string expected)
    {
        Assert.Equal(Parse.Duration(expected), LondonChristmas.OpenTimeBetween(Parse.Instant(from), Parse.Instant(to)));
    }

    [Theory]
    [InlineData("2026-03-05T16:30:00Z", "1h", "2026-03-06T20:30:00Z")] // Friday's override replaces 09-17 with the evening
    [InlineData("2026-03-06T23:00:00Z", "4h", "2026-03-07T11:00:00Z")] // 3h to Sat 02:00, then the Saturday override from 10:00
    [InlineData("2026-03-03T16:00:00Z", "2h", "2026-03-05T10:00:00Z")] // the empty override closes Wednesday
    [InlineData("2026-03-07T13:00:00Z", "2h", "2026-03-09T10:00:00Z")] // 1h of Saturday, 1h Monday
    public void AddOpenTime_Overrides_ReplaceTheWeekday(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), SupportWithOverrides.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Fact]
    public void HoursOn_OverriddenDate_TheOverride()
    {
        Assert.Equal([Interval("09:00-13:00")], LondonChristmas.HoursOn(new LocalDate(2026, 12, 24)));
        Assert.Empty(SupportWithOverrides.HoursOn(new LocalDate(2026, 3, 4)));
        Assert.Equal([Interval("10:00-14:00")], SupportWithOverrides.HoursOn(new LocalDate(2026, 3, 7)));
    }
}
