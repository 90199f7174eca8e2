using NodaTime;
using SlaFunctions.Engine.Calendars;
using Xunit;
using static SlaFunctions.Engine.Tests.TestCalendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>Wall-clock boundaries map to instants leniently: a skipped time moves forward by the gap, an ambiguous
/// time takes the earlier offset, so whole days last 23 or 25 real hours (spec: Instants, zones, calendars).</summary>
public sealed partial class BusinessCalendarTests
{
    // America/New_York springs forward on Sunday 2026-03-08 (02:00 EST becomes 03:00 EDT).
    private static readonly LocalDate NewYorkSpringForward = new(2026, 3, 8);

    // America/New_York falls back on Sunday 2026-11-01 (02:00 EDT becomes 01:00 EST; 01:00-02:00 happens twice).
    private static readonly LocalDate NewYorkFallBack = new(2026, 11, 1);

    // Europe/London springs forward on Sunday 2026-03-29 (01:00 GMT becomes 02:00 BST).
    private static readonly LocalDate LondonSpringForward = new(2026, 3, 29);

    // Europe/London falls back on Sunday 2026-10-25 (02:00 BST becomes 01:00 GMT).
    private static readonly LocalDate LondonFallBack = new(2026, 10, 25);

    // 09:00-17:00 Monday to Friday in New York and in London.
    private static readonly BusinessCalendar NewYorkOffice = Weekly("office-ny", NewYork, ("Mon-Fri", "09:00-17:00"));
    private static readonly BusinessCalendar LondonOffice = Weekly("office-uk", London, ("Mon-Fri", "09:00-17:00"));

    [Fact]
    public void TransitionDates_FieldsAbove_OffsetChangesOnThatSunday()
    {
        // Guards the fields above against a typo: each is the date on which its zone's offset changes.
        foreach (var (zone, date) in new[] { (NewYork, NewYorkSpringForward), (NewYork, NewYorkFallBack), (London, LondonSpringForward), (London, LondonFallBack) })
        {
            Assert.Equal(IsoDayOfWeek.Sunday, date.DayOfWeek);
            Assert.NotEqual(zone.AtStartOfDay(date).Offset, zone.AtStartOfDay(date.PlusDays(1)).Offset);
        }
    }

    [Theory]
    [InlineData("America/New_York", "2026-03-08T00:00:00-05:00", "2026-03-09T00:00:00-04:00", "23h")] // spring forward
    [InlineData("America/New_York", "2026-11-01T00:00:00-04:00", "2026-11-02T00:00:00-05:00", "25h")] // fall back
    [InlineData("Europe/London", "2026-03-29T00:00:00Z", "2026-03-30T00:00:00+01:00", "23h")] // spring forward
    [InlineData("Europe/London", "2026-10-25T00:00:00+01:00", "2026-10-26T00:00:00Z", "25h")] // fall back
    [InlineData("Australia/Lord_Howe", "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:30", "24h30m")] // half-hour fall back
    [InlineData("Australia/Lord_Howe", "2026-10-04T00:00:00+10:30", "2026-10-05T00:00:00+11:00", "23h30m")] // half-hour spring forward
    public void OpenTimeBetween_WholeSundayOnTransition_RealHours(string zoneId, string from, string to, string expected)
    {
        // Only Sunday is open, 00:00-24:00; the window runs a day either side so only the Sunday's own length counts.
        var calendar = Weekly("sundays", DateTimeZoneProviders.Tzdb[zoneId], ("Sun", "00:00-24:00"));
        var start = Parse.Instant(from);
        var end = Parse.Instant(to);

        Assert.Equal(Parse.Duration(expected), calendar.OpenTimeBetween(start, end));
        Assert.Equal(Parse.Duration(expected), calendar.OpenTimeBetween(start - Duration.FromDays(1), end + Duration.FromDays(1)));
        Assert.Equal(end, calendar.AddOpenTime(start, Parse.Duration(expected)));
    }

    [Theory]
    [InlineData("2026-03-08T00:00:00-05:00", "24h", "2026-03-09T01:00:00-04:00")] // 23h on Sunday, the 24th hour on Monday
    [InlineData("2026-11-01T00:00:00-04:00", "24h", "2026-11-01T23:00:00-05:00")] // 25h Sunday: the 24th hour ends at 23:00
    [InlineData("2026-03-07T23:00:00-05:00", "4h", "2026-03-08T04:00:00-04:00")] // 01:00 and 02:00 EST pass, then 03:00 EDT
    public void AddOpenTime_AllDayAcrossTransition_RealHours(string start, string goal, string due)
    {
        var calendar = Weekly("always-ny", NewYork, ("Mon-Sun", "00:00-24:00"));

        Assert.Equal(Parse.Instant(due), calendar.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Theory]
    [InlineData("2026-03-06T16:00:00-05:00", "2h", "2026-03-09T10:00:00-04:00")] // NY: Friday EST, Monday EDT
    [InlineData("2026-10-30T16:00:00-04:00", "2h", "2026-11-02T10:00:00-05:00")] // NY: Friday EDT, Monday EST
    [InlineData("2026-03-06T09:00:00-05:00", "48h", "2026-03-13T17:00:00-04:00")] // NY: six days of 8h over the change
    public void AddOpenTime_NewYorkOfficeOverTransitionWeekend_SameWallClock(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), NewYorkOffice.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Theory]
    [InlineData("2026-03-27T16:00:00Z", "2h", "2026-03-30T10:00:00+01:00")] // London: Friday GMT, Monday BST
    [InlineData("2026-10-23T16:00:00+01:00", "2h", "2026-10-26T10:00:00Z")] // London: Friday BST, Monday GMT
    public void AddOpenTime_LondonOfficeOverTransitionWeekend_SameWallClock(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), LondonOffice.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Theory]
    [InlineData("America/New_York", "Sun", "02:30-05:00", "2026-03-08T03:30:00-04:00", "1h30m")] // opening at 02:30 (skipped) moves to 03:30 EDT
    [InlineData("America/New_York", "Sun", "00:00-02:30", "2026-03-08T00:00:00-05:00", "2h30m")] // closing at 02:30 (skipped) moves to 03:30 EDT
    [InlineData("America/New_York", "Sun", "01:00-04:00", "2026-03-08T01:00:00-05:00", "2h")] // spans the gap: an hour short
    [InlineData("America/New_York", "Sat", "22:00-04:00", "2026-03-07T22:00:00-05:00", "5h")] // Saturday night into the short Sunday
    [InlineData("Europe/London", "Sun", "01:15-03:00", "2026-03-29T02:15:00+01:00", "45m")] // 01:15 (skipped) moves to 02:15 BST
    [InlineData("Australia/Lord_Howe", "Sun", "02:15-04:00", "2026-10-04T02:45:00+11:00", "1h15m")] // a 30-minute gap: 02:15 moves to 02:45
    public void Interval_BoundaryInSkippedHour_MovesForwardByTheGap(string zoneId, string day, string hours, string opening, string length)
    {
        var calendar = Weekly("dst", DateTimeZoneProviders.Tzdb[zoneId], (day, hours));
        var open = Parse.Instant(opening);

        Assert.Equal(open, calendar.NextOpening(open - Duration.FromHours(12)));
        Assert.Equal(Parse.Duration(length), calendar.OpenTimeBetween(open - Duration.FromHours(12), open + Duration.FromHours(12)));
        Assert.Equal(open + Parse.Duration(length), calendar.AddOpenTime(open - Duration.FromHours(12), Parse.Duration(length)));
    }

    [Theory]
    [InlineData("America/New_York", "Sun", "01:30-06:00", "2026-11-01T01:30:00-04:00", "5h30m")] // 01:30 happens twice: the earlier (EDT) opens
    [InlineData("America/New_York", "Sun", "00:00-01:30", "2026-11-01T00:00:00-04:00", "1h30m")] // and the earlier 01:30 closes
    [InlineData("America/New_York", "Sat", "22:00-04:00", "2026-10-31T22:00:00-04:00", "7h")] // Saturday night into the long Sunday
    [InlineData("Europe/London", "Sun", "01:30-02:30", "2026-10-25T01:30:00+01:00", "2h")] // 01:30 BST to 02:30 GMT
    [InlineData("Australia/Lord_Howe", "Sun", "01:45-03:00", "2026-04-05T01:45:00+11:00", "1h45m")] // 01:30-02:00 repeats: the earlier 01:45
    public void Interval_BoundaryInRepeatedHour_TakesTheEarlierOffset(string zoneId, string day, string hours, string opening, string length)
    {
        var calendar = Weekly("dst", DateTimeZoneProviders.Tzdb[zoneId], (day, hours));
        var open = Parse.Instant(opening);

        Assert.Equal(open, calendar.NextOpening(open - Duration.FromHours(12)));
        Assert.Equal(Parse.Duration(length), calendar.OpenTimeBetween(open - Duration.FromHours(12), open + Duration.FromHours(12)));
        Assert.Equal(open + Parse.Duration(length), calendar.AddOpenTime(open - Duration.FromHours(12), Parse.Duration(length)));
    }

    [Theory]
    [InlineData("00:00-01:30", "2026-11-01T01:15:00-04:00", true)] // the first 01:15 (EDT) is before the earlier 01:30
    [InlineData("00:00-01:30", "2026-11-01T01:15:00-05:00", false)] // the second 01:15 (EST) is after it: closed
    [InlineData("00:00-02:30", "2026-03-08T03:15:00-04:00", true)] // spring: 02:30 closes at 03:30 EDT, so 03:15 EDT is open
    [InlineData("00:00-02:30", "2026-03-08T03:30:00-04:00", false)] // and 03:30 EDT is its closing
    public void IsOpenAt_SundayAroundTransition_FollowsLenientBoundaries(string hours, string instant, bool open)
    {
        var calendar = Weekly("sunday-night", NewYork, ("Sun", hours));

        Assert.Equal(open, calendar.IsOpenAt(Parse.Instant(instant)));
    }

    [Fact]
    public void OpenTimeBetween_SkippedClosingOverlapsNextOpening_CountsOverlapOnce()
    {
        // On 2026-03-08, 01:00-02:30 closes at 03:30 EDT (02:30 moves forward by the gap) while 03:15-05:00 opens at
        // 03:15 EDT, so the two intervals overlap for 15 minutes. Open time is the measure of the open instants
        // (spec: due is when the open time of C in [S, t] equals D), 01:00 EST to 05:00 EDT: 3h, not 3h15.
        var calendar = Weekly("split-night", NewYork, ("Sun", "01:00-02:30,03:15-05:00"));
        var from = Parse.Instant("2026-03-08T00:00:00-05:00");

        Assert.Equal(Parse.Duration("3h"), calendar.OpenTimeBetween(from, Parse.Instant("2026-03-08T12:00:00-04:00")));
        Assert.Equal(Parse.Instant("2026-03-08T05:00:00-04:00"), calendar.AddOpenTime(from, Parse.Duration("3h")));
    }
}
