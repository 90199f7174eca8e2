using NodaTime;
using SlaFunctions.Engine.Calendars;
using Xunit;
using static SlaFunctions.Engine.Tests.TestCalendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>A holiday closes the intervals that start on it, and only those (spec: Holidays).</summary>
public sealed partial class BusinessCalendarTests
{
    // Good Friday 2026 (a Thursday night runs into it) and Easter Monday, both UK bank holidays.
    private static readonly LocalDate GoodFriday = new(2026, 4, 3);
    private static readonly LocalDate EasterMonday = new(2026, 4, 6);

    // LumenVox hours closed on Good Friday only.
    private static readonly BusinessCalendar LumenVoxGoodFriday = Weekly("lumenvox", EtcGmt, [("Mon-Fri", "08:00-01:00")], [GoodFriday]);

    // LumenVox hours closed on Good Friday and Easter Monday.
    private static readonly BusinessCalendar LumenVoxEaster = Weekly("lumenvox", EtcGmt, [("Mon-Fri", "08:00-01:00")], [GoodFriday, EasterMonday]);

    // 09:00-17:00 UTC with Wednesday 2026-03-04 and Saturday 2026-03-07 as holidays.
    private static readonly BusinessCalendar SupportWithHolidays =
        Weekly("support", DateTimeZone.Utc, [("Mon-Fri", "09:00-17:00")], [new LocalDate(2026, 3, 4), new LocalDate(2026, 3, 7)]);

    [Theory]
    [InlineData("2026-04-03T00:30:00Z", true)] // Thursday's 08:00-01:00 runs into the Friday holiday untouched
    [InlineData("2026-04-03T10:00:00Z", false)] // the holiday itself
    [InlineData("2026-04-04T00:30:00Z", false)] // the holiday also closes Friday's Sat 00:00-01:00 (spec: Holidays)
    [InlineData("2026-04-02T10:00:00Z", true)] // the day before is an ordinary day
    public void IsOpenAt_FridayHoliday_ClosesIntervalsStartingOnIt(string instant, bool open)
    {
        Assert.Equal(open, LumenVoxGoodFriday.IsOpenAt(Parse.Instant(instant)));
    }

    [Theory]
    [InlineData("2026-04-02T23:30:00Z", "4h", "2026-04-06T10:30:00Z")] // 1h30 of Thursday's interval, Friday closed, 2h30 Monday
    [InlineData("2026-04-02T23:30:00Z", "1h30m", "2026-04-03T01:00:00Z")] // used up exactly as Thursday's interval closes on the holiday
    [InlineData("2026-04-03T12:00:00Z", "1h", "2026-04-06T09:00:00Z")] // opened on the holiday: counts from Monday 08:00
    [InlineData("2026-04-04T00:15:00Z", "15m", "2026-04-06T08:15:00Z")] // Saturday 00:15 is closed too
    public void AddOpenTime_FridayHoliday_DueAsSpecified(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), LumenVoxGoodFriday.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Fact]
    public void AddOpenTime_EasterMondayToo_ClosesMondayIntoTuesday()
    {
        // Easter Monday closes Mon 08:00-Tue 01:00, so the remaining 2h30 starts Tuesday 08:00.
        Assert.Equal(
            Parse.Instant("2026-04-07T10:30:00Z"),
            LumenVoxEaster.AddOpenTime(Parse.Instant("2026-04-02T23:30:00Z"), Parse.Duration("4h")));
        Assert.False(LumenVoxEaster.IsOpenAt(Parse.Instant("2026-04-07T00:30:00Z")));
    }

    [Fact]
    public void OpenTimeBetween_EasterWeek_FourIntervals()
    {
        // Mon-Thu 17h each; Friday's interval (with its Saturday hour) is gone.
        Assert.Equal(Parse.Duration("68h"), LumenVoxGoodFriday.OpenTimeBetween(Parse.Instant("2026-03-30T00:00:00Z"), Parse.Instant("2026-04-06T00:00:00Z")));
    }

    [Theory]
    [InlineData("2026-03-03T16:00:00Z", "2h", "2026-03-05T10:00:00Z")] // Wednesday holiday: 1h Tue, 1h Thu
    [InlineData("2026-03-06T16:30:00Z", "4h", "2026-03-09T12:30:00Z")] // a Saturday holiday changes nothing
    [InlineData("2026-03-02T09:00:00Z", "40h", "2026-03-09T17:00:00Z")] // 32h this week without Wednesday, 8h next Monday to its closing
    public void AddOpenTime_WeekdayHoliday_SkipsIt(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), SupportWithHolidays.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Fact]
    public void HoursOn_Holiday_Empty()
    {
        Assert.Empty(LumenVoxGoodFriday.HoursOn(GoodFriday));
        Assert.Equal([Interval("08:00-01:00")], LumenVoxGoodFriday.HoursOn(GoodFriday.PlusDays(-1)));
    }
}
