using NodaTime;
using SlaFunctions.Engine.Calendars;
using Xunit;
using static SlaFunctions.Engine.Tests.TestCalendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>A complement is open exactly when the other calendar is closed, in the same zone (spec: complement).</summary>
public sealed partial class BusinessCalendarTests
{
    // Phonism-like: standard support 09:00-17:00 Monday to Friday in New York; extended support is everything else.
    private static readonly BusinessCalendar PhonismStandard = Weekly("standard", NewYork, ("Mon-Fri", "09:00-17:00"));
    private static readonly BusinessCalendar PhonismExtended = PhonismStandard.Complement("extended");

    [Theory]
    [InlineData("2026-03-07T12:00:00-05:00", true)] // Saturday
    [InlineData("2026-03-02T10:00:00-05:00", false)] // standard hours
    [InlineData("2026-03-02T09:00:00-05:00", false)] // standard opening
    [InlineData("2026-03-02T08:59:00-05:00", true)] // a minute before it
    [InlineData("2026-03-02T17:00:00-05:00", true)] // standard closing opens extended
    [InlineData("2026-03-03T00:00:00-05:00", true)] // midnight between two evenings
    public void IsOpenAt_Extended_OppositeOfStandard(string instant, bool open)
    {
        var at = Parse.Instant(instant);

        Assert.Equal(open, PhonismExtended.IsOpenAt(at));
        Assert.Equal(!open, PhonismStandard.IsOpenAt(at));
    }

    [Theory]
    [InlineData("2026-03-06T16:00:00-05:00", "1h", "2026-03-06T18:00:00-05:00")] // waits for standard's 17:00 closing
    [InlineData("2026-03-02T10:00:00-05:00", "8h", "2026-03-03T01:00:00-05:00")] // 17:00-24:00 and 00:00-01:00 run on through midnight
    [InlineData("2026-03-06T17:00:00-05:00", "63h", "2026-03-09T09:00:00-04:00")] // Fri 7h + Sat 24h + the 23h Sunday + Mon 9h: exactly at standard opening
    [InlineData("2026-03-09T08:00:00-04:00", "2h", "2026-03-09T18:00:00-04:00")] // 1h before 09:00, 1h after 17:00
    [InlineData("2026-10-30T17:00:00-04:00", "65h", "2026-11-02T09:00:00-05:00")] // the 25h Sunday: Fri 7h + 24h + 25h + 9h
    public void AddOpenTime_Extended_DueAsSpecified(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), PhonismExtended.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Theory]
    [InlineData("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z")] // March, with the spring-forward weekend
    [InlineData("2026-10-20T13:17:00Z", "2026-11-09T02:03:00Z")] // odd ends around the fall-back weekend
    [InlineData("2026-03-02T10:00:00-05:00", "2026-03-02T10:00:01-05:00")] // one second
    public void OpenTimeBetween_StandardPlusExtended_ElapsedTime(string from, string to)
    {
        var start = Parse.Instant(from);
        var end = Parse.Instant(to);

        Assert.Equal(end - start, PhonismStandard.OpenTimeBetween(start, end) + PhonismExtended.OpenTimeBetween(start, end));
    }

    [Theory]
    [InlineData("2026-03-07T00:30:00Z", false)] // Friday's interval still runs
    [InlineData("2026-03-07T01:00:00Z", true)] // Friday's closing opens the complement for the weekend
    [InlineData("2026-03-09T00:30:00Z", true)] // Monday night-time before 08:00: nothing runs in from Sunday
    [InlineData("2026-03-10T00:30:00Z", false)] // Tuesday 00:30 belongs to Monday's interval
    [InlineData("2026-04-03T00:30:00Z", false)] // Thursday's interval runs into Good Friday untouched
    [InlineData("2026-04-03T01:00:00Z", true)] // then the holiday is all complement
    [InlineData("2026-04-04T00:30:00Z", true)] // including Saturday 00:00-01:00, which the holiday closed
    public void IsOpenAt_ComplementOfLumenVox_CrossMidnightAndHoliday(string instant, bool open)
    {
        Assert.Equal(open, LumenVoxGoodFriday.Complement("out-of-hours").IsOpenAt(Parse.Instant(instant)));
    }

    [Fact]
    public void AddOpenTime_ComplementOfLumenVox_WeekendFromSaturdayOne()
    {
        // Sat 01:00 to Mon 08:00 is 55h; the 56th hour ends Tuesday 02:00 (01:00-08:00 on Tuesday).
        var outOfHours = LumenVox.Complement("out-of-hours");

        Assert.Equal(Parse.Instant("2026-03-09T08:00:00Z"), outOfHours.AddOpenTime(Parse.Instant("2026-03-06T23:00:00Z"), Parse.Duration("55h")));
        Assert.Equal(Parse.Instant("2026-03-10T02:00:00Z"), outOfHours.AddOpenTime(Parse.Instant("2026-03-06T23:00:00Z"), Parse.Duration("56h")));
    }

    [Fact]
    public void Complement_Twice_TheOriginalHours()
    {
        var twice = PhonismExtended.Complement("standard-again");
        var from = Parse.Instant("2026-02-25T00:00:00Z");
        var to = Parse.Instant("2026-04-10T00:00:00Z");

        Assert.Equal(PhonismStandard.OpenIntervals(from, to), twice.OpenIntervals(from, to));
        Assert.Equal(NewYork, PhonismExtended.Zone);
    }

    [Fact]
    public void Complement_AlwaysOpen_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => BusinessCalendar.AlwaysOpen.Complement("never"));
        Assert.Throws<InvalidOperationException>(() => Weekly("all-week", DateTimeZone.Utc, ("Mon-Sun", "00:00-24:00")).Complement("never"));
    }

    [Fact]
    public void OpenTimeBetween_SplitNightAndComplementOnSpringForward_ElapsedTime()
    {
        // The split-night calendar of the DST tests: 01:00-02:30 closes at 03:30 EDT, after 03:15-05:00 opens. The
        // complement is open exactly when it is closed, so together they cover the 23h Sunday once.
        var calendar = Weekly("split-night", NewYork, ("Sun", "01:00-02:30,03:15-05:00"));
        var complement = calendar.Complement("rest");
        var from = Parse.Instant("2026-03-08T00:00:00-05:00");
        var to = Parse.Instant("2026-03-09T00:00:00-04:00");

        Assert.Equal(Parse.Duration("23h"), calendar.OpenTimeBetween(from, to) + complement.OpenTimeBetween(from, to));
    }
}
