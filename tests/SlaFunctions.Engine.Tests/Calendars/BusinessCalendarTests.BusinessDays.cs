using NodaTime;
using SlaFunctions.Engine.Calendars;
using Xunit;
using static SlaFunctions.Engine.Tests.TestCalendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary><c>businessDays: N</c>: the same wall-clock time on the N-th following day that has opening hours and is no
/// holiday; a start outside hours first moves to the next opening (spec: Durations).</summary>
public sealed partial class BusinessCalendarTests
{
    [Theory]
    [InlineData("2026-03-02T10:00:00Z", 1, "2026-03-03T10:00:00Z")] // Monday to Tuesday, same time
    [InlineData("2026-03-02T10:00:00Z", 2, "2026-03-05T10:00:00Z")] // the Wednesday holiday does not count
    [InlineData("2026-03-06T10:00:00Z", 1, "2026-03-09T10:00:00Z")] // Friday to Monday: the weekend has no hours (and Saturday is a holiday anyway)
    [InlineData("2026-03-06T18:00:00Z", 1, "2026-03-10T09:00:00Z")] // Friday after hours: Monday 09:00 first, then Tuesday 09:00
    [InlineData("2026-03-07T12:00:00Z", 2, "2026-03-11T09:00:00Z")] // Saturday: Monday 09:00, then two days on
    [InlineData("2026-03-03T16:59:00Z", 1, "2026-03-05T16:59:00Z")] // a minute before closing keeps its time, past the holiday
    [InlineData("2026-03-02T10:00:00Z", 0, "2026-03-02T10:00:00Z")] // zero days: the start itself
    [InlineData("2026-03-02T07:00:00Z", 0, "2026-03-02T09:00:00Z")] // zero days before hours: the next opening
    [InlineData("2026-03-02T10:00:00Z", 10, "2026-03-17T10:00:00Z")] // two weeks, one holiday: 10 open days later
    public void AddBusinessDays_SupportWithHolidays_SameWallClockOnNthOpenDay(string start, int days, string due)
    {
        Assert.Equal(Parse.Instant(due), SupportWithHolidays.AddBusinessDays(Parse.Instant(start), days));
    }

    [Theory]
    [InlineData("2026-03-06T10:00:00-05:00", 1, "2026-03-09T10:00:00-04:00")] // NY: 10:00 EST Friday, 10:00 EDT Monday (23h weekend day between)
    [InlineData("2026-10-30T10:00:00-04:00", 1, "2026-11-02T10:00:00-05:00")] // NY: 10:00 EDT Friday, 10:00 EST Monday
    public void AddBusinessDays_OverTransition_SameWallClock(string start, int days, string due)
    {
        Assert.Equal(Parse.Instant(due), NewYorkOffice.AddBusinessDays(Parse.Instant(start), days));
    }

    [Theory]
    [InlineData("2026-12-23T15:00:00Z", 1, "2026-12-24T15:00:00Z")] // the half day has hours, so it counts, at the same time even past its 13:00 closing
    [InlineData("2026-12-24T10:00:00Z", 1, "2026-12-29T10:00:00Z")] // the 25th and 28th are holidays, the weekend has no hours
    [InlineData("2026-12-30T10:00:00Z", 2, "2027-01-04T10:00:00Z")] // the 31st counts, New Year's Day does not
    public void AddBusinessDays_ChristmasOverrides_HalfDaysCount(string start, int days, string due)
    {
        Assert.Equal(Parse.Instant(due), LondonChristmas.AddBusinessDays(Parse.Instant(start), days));
    }

    [Theory]
    [InlineData("2026-03-06T23:30:00Z", 1, "2026-03-09T23:30:00Z")] // LumenVox Friday 23:30 is open: Monday 23:30
    [InlineData("2026-03-02T04:00:00Z", 1, "2026-03-03T08:00:00Z")] // Monday 04:00 is closed: Monday 08:00 first
    public void AddBusinessDays_LumenVox_CountsDaysWithIntervals(string start, int days, string due)
    {
        Assert.Equal(Parse.Instant(due), LumenVox.AddBusinessDays(Parse.Instant(start), days));
    }

    [Fact]
    public void AddBusinessDays_AlwaysOpen_CalendarDays()
    {
        Assert.Equal(Parse.Instant("2026-03-09T12:00:00Z"), BusinessCalendar.AlwaysOpen.AddBusinessDays(Parse.Instant("2026-03-07T12:00:00Z"), 2));
    }

    [Fact]
    public void AddBusinessDays_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Support.AddBusinessDays(Parse.Instant("2026-03-02T10:00:00Z"), -1));
    }
}
