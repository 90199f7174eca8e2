using NodaTime;
using SlaFunctions.Engine.Calendars;
using Xunit;
using static SlaFunctions.Engine.Tests.TestCalendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>The due-instant rule on a plain 09:00-17:00 Monday-to-Friday UTC calendar; other files cover midnight,
/// holidays, DST, complements, overrides, business days and long goals.</summary>
public sealed partial class BusinessCalendarTests
{
    // 2026-03-02 is a Monday; 2026-03-06 a Friday; 2026-03-07/08 the weekend.
    [Theory]
    [InlineData("2026-03-06T16:30:00Z", "4h", "2026-03-09T12:30:00Z")] // Fri 16:30 on 09-17 UTC: 30 min Fri, 3h30 Mon
    [InlineData("2026-03-02T13:00:00Z", "4h", "2026-03-02T17:00:00Z")] // used up exactly at closing: due at closing, not Tue 09:00 (spec: Due instant)
    [InlineData("2026-03-02T09:00:00Z", "8h", "2026-03-02T17:00:00Z")] // a whole day, again ending at closing
    [InlineData("2026-03-02T16:59:00Z", "1m", "2026-03-02T17:00:00Z")] // the last open minute
    [InlineData("2026-03-02T07:00:00Z", "2h", "2026-03-02T11:00:00Z")] // opened before hours: counts from 09:00 (spec: Due instant)
    [InlineData("2026-03-02T17:00:00Z", "1h", "2026-03-03T10:00:00Z")] // opened exactly at closing: closed then, counts from Tue 09:00
    [InlineData("2026-03-07T12:00:00Z", "30m", "2026-03-09T09:30:00Z")] // opened on Saturday: Monday's opening
    [InlineData("2026-03-02T09:00:00Z", "40h", "2026-03-06T17:00:00Z")] // a whole week ends at Friday's closing
    [InlineData("2026-03-02T09:00:00Z", "41h", "2026-03-09T10:00:00Z")] // one hour more runs into next Monday
    [InlineData("2026-03-02T12:34:56Z", "1h", "2026-03-02T13:34:56Z")] // seconds are kept
    public void AddOpenTime_OfficeHours_DueAsSpecified(string start, string goal, string due)
    {
        var actual = Support.AddOpenTime(Parse.Instant(start), Parse.Duration(goal));

        Assert.Equal(Parse.Instant(due), actual);
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z")] // open: due at the start
    [InlineData("2026-03-07T12:00:00Z")] // Saturday, closed: still due at the start, the earliest t >= S with zero open time
    [InlineData("2026-03-02T17:00:00Z")] // exactly at closing
    public void AddOpenTime_ZeroGoal_DueAtStart(string start)
    {
        Assert.Equal(Parse.Instant(start), Support.AddOpenTime(Parse.Instant(start), Duration.Zero));
    }

    [Fact]
    public void AddOpenTime_NegativeGoal_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Support.AddOpenTime(Parse.Instant("2026-03-02T09:00:00Z"), Duration.FromMinutes(-1)));
    }

    [Theory]
    [InlineData("2026-03-06T16:30:00Z", "2026-03-09T12:30:00Z", "4h")] // over a weekend
    [InlineData("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z", "40h")] // one whole week
    [InlineData("2026-03-02T00:00:00Z", "2026-04-06T00:00:00Z", "200h")] // five whole weeks, the week-skipping path
    [InlineData("2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z", "0m")] // empty range
    [InlineData("2026-03-02T11:00:00Z", "2026-03-02T10:00:00Z", "0m")] // to before from
    [InlineData("2026-03-02T17:00:00Z", "2026-03-03T09:00:00Z", "0m")] // exactly the night
    [InlineData("2026-03-02T16:00:00Z", "2026-03-03T10:00:00Z", "2h")] // half-open at both ends of the night
    public void OpenTimeBetween_OfficeHours_CountsOpenTime(string from, string to, string expected)
    {
        Assert.Equal(Parse.Duration(expected), Support.OpenTimeBetween(Parse.Instant(from), Parse.Instant(to)));
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00Z", true)] // opening is open (half-open intervals)
    [InlineData("2026-03-02T16:59:59Z", true)] // one second before closing
    [InlineData("2026-03-02T17:00:00Z", false)] // closing is closed
    [InlineData("2026-03-02T08:59:59Z", false)] // one second before opening
    [InlineData("2026-03-07T12:00:00Z", false)] // Saturday
    public void IsOpenAt_OfficeHours_HalfOpenIntervals(string instant, bool open)
    {
        Assert.Equal(open, Support.IsOpenAt(Parse.Instant(instant)));
    }

    [Theory]
    [InlineData("2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z")] // open: itself
    [InlineData("2026-03-02T17:00:00Z", "2026-03-03T09:00:00Z")] // closing: the next morning
    [InlineData("2026-03-06T17:00:00Z", "2026-03-09T09:00:00Z")] // Friday closing: Monday
    [InlineData("2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z")] // early: today's opening
    public void NextOpening_OfficeHours_ItselfOrNextOpening(string instant, string expected)
    {
        Assert.Equal(Parse.Instant(expected), Support.NextOpening(Parse.Instant(instant)));
    }

    [Fact]
    public void OpenIntervals_OverWeekend_ClippedInOrder()
    {
        var intervals = Support.OpenIntervals(Parse.Instant("2026-03-06T12:00:00Z"), Parse.Instant("2026-03-09T12:00:00Z")).ToList();

        Assert.Equal(
            [
                new Interval(Parse.Instant("2026-03-06T12:00:00Z"), Parse.Instant("2026-03-06T17:00:00Z")),
                new Interval(Parse.Instant("2026-03-09T09:00:00Z"), Parse.Instant("2026-03-09T12:00:00Z")),
            ],
            intervals);
    }

    [Fact]
    public void AlwaysOpen_AnyGoal_PlainElapsedTime()
    {
        var start = Parse.Instant("2026-03-07T23:30:00Z");

        Assert.Equal(Parse.Instant("2026-03-09T23:30:00Z"), BusinessCalendar.AlwaysOpen.AddOpenTime(start, Parse.Duration("2d")));
        Assert.Equal(Parse.Duration("48h"), BusinessCalendar.AlwaysOpen.OpenTimeBetween(start, Parse.Instant("2026-03-09T23:30:00Z")));
        Assert.True(BusinessCalendar.AlwaysOpen.IsOpenAt(start));
    }

    [Fact]
    public void Weekly_NeverOpen_Throws()
    {
        Assert.Throws<ArgumentException>(() => BusinessCalendar.Weekly("never", DateTimeZone.Utc, new WeeklyHours(new Dictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>>())));
    }

    [Fact]
    public void HoursOn_Weekday_TheWeekdaysIntervals()
    {
        Assert.Equal([Interval("09:00-17:00")], Support.HoursOn(Date("2026-03-02")));
        Assert.Empty(Support.HoursOn(Date("2026-03-07")));
    }
}
