using NodaTime;
using SlaFunctions.Engine.Calendars;
using Xunit;
using static SlaFunctions.Engine.Tests.TestCalendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>Intervals that cross midnight belong to the day they start on (spec: Instants, zones, calendars).</summary>
public sealed partial class BusinessCalendarTests
{
    // LumenVox: 08:00-01:00 GMT Monday to Friday, so Friday's hours run to Saturday 01:00 and Monday 00:00-01:00 is closed.
    private static readonly BusinessCalendar LumenVox = Weekly("lumenvox", EtcGmt, ("Mon-Fri", "08:00-01:00"));

    // Open all weekend as two whole days that touch at midnight.
    private static readonly BusinessCalendar WholeWeekend = Weekly("weekend", DateTimeZone.Utc, ("Sat-Sun", "00:00-24:00"));

    // A night shift every day, 22:00 to 06:00 the next morning.
    private static readonly BusinessCalendar NightShift = Weekly("night", DateTimeZone.Utc, ("Mon-Sun", "22:00-06:00"));

    [Theory]
    [InlineData("2026-03-06T23:30:00Z", "4h", "2026-03-09T10:30:00Z")] // the LumenVox case: 1h30 to Sat 01:00, 2h30 from Mon 08:00
    [InlineData("2026-03-07T00:30:00Z", "1h", "2026-03-09T08:30:00Z")] // Sat 00:30 is still Friday's interval: 30 min, then Monday
    [InlineData("2026-03-09T00:30:00Z", "1h", "2026-03-09T09:00:00Z")] // Mon 00:30 is closed: Sunday has no interval to run into Monday
    [InlineData("2026-03-02T23:00:00Z", "2h", "2026-03-03T01:00:00Z")] // used up exactly at the 01:00 closing, not Tue 08:00
    [InlineData("2026-03-02T23:00:00Z", "2h1m", "2026-03-03T08:01:00Z")] // one minute more waits for Tuesday's opening
    [InlineData("2026-03-03T00:00:00Z", "30m", "2026-03-03T00:30:00Z")] // midnight inside Monday's interval is open
    [InlineData("2026-03-02T08:00:00Z", "85h", "2026-03-07T01:00:00Z")] // a whole week (5 x 17h) ends Saturday 01:00
    public void AddOpenTime_LumenVoxIntoSaturday_DueAsSpecified(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), LumenVox.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Theory]
    [InlineData("2026-03-07T00:30:00Z", true)] // Saturday 00:30 belongs to Friday 08:00-01:00
    [InlineData("2026-03-07T01:00:00Z", false)] // Saturday 01:00 is Friday's closing
    [InlineData("2026-03-03T00:59:00Z", true)] // Tuesday 00:59 belongs to Monday
    [InlineData("2026-03-02T00:30:00Z", false)] // Monday 00:30: nothing runs in from Sunday
    [InlineData("2026-03-08T12:00:00Z", false)] // Sunday
    public void IsOpenAt_LumenVox_IntervalBelongsToItsStartDay(string instant, bool open)
    {
        Assert.Equal(open, LumenVox.IsOpenAt(Parse.Instant(instant)));
    }

    [Theory]
    [InlineData("2026-03-02T00:00:00Z", "2026-03-09T00:00:00Z", "85h")] // Monday to Monday: 5 x 17h
    [InlineData("2026-03-01T00:00:00Z", "2026-03-08T00:00:00Z", "85h")] // Sunday to Sunday: the same five intervals
    [InlineData("2026-03-07T00:00:00Z", "2026-03-08T00:00:00Z", "1h")] // Saturday holds only Friday's last hour
    [InlineData("2026-03-02T00:00:00Z", "2026-04-06T00:00:00Z", "425h")] // five weeks through the week-skipping path
    public void OpenTimeBetween_LumenVox_CountsTheHourPastMidnight(string from, string to, string expected)
    {
        Assert.Equal(Parse.Duration(expected), LumenVox.OpenTimeBetween(Parse.Instant(from), Parse.Instant(to)));
    }

    [Theory]
    [InlineData("2026-03-07T23:00:00Z", "2h", "2026-03-08T01:00:00Z")] // Saturday and Sunday touch at midnight: no gap
    [InlineData("2026-03-07T00:00:00Z", "24h", "2026-03-08T00:00:00Z")] // exactly Saturday: due at its end, Sunday 00:00
    [InlineData("2026-03-07T00:00:00Z", "48h", "2026-03-09T00:00:00Z")] // the whole weekend: Monday 00:00
    [InlineData("2026-03-06T12:00:00Z", "48h1m", "2026-03-14T00:01:00Z")] // one minute past a weekend: the next Saturday
    public void AddOpenTime_WholeDays_ContinuousAcrossMidnight(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), WholeWeekend.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Theory]
    [InlineData("2026-03-02T05:00:00Z", "2h", "2026-03-02T23:00:00Z")] // Mon 05:00 is Sunday's shift: 1h to 06:00, 1h from 22:00
    [InlineData("2026-03-02T22:00:00Z", "8h", "2026-03-03T06:00:00Z")] // one whole shift ends at 06:00
    [InlineData("2026-03-02T12:00:00Z", "16h", "2026-03-04T06:00:00Z")] // two shifts
    public void AddOpenTime_NightShift_CrossesEveryMidnight(string start, string goal, string due)
    {
        Assert.Equal(Parse.Instant(due), NightShift.AddOpenTime(Parse.Instant(start), Parse.Duration(goal)));
    }

    [Fact]
    public void AddOpenTime_TwentyFourHourIntervalFromNine_EndsNextMorning()
    {
        // 09:00-09:00 has an end not after its start, so it is a full 24 h ending on Tuesday morning.
        var calendar = Weekly("day-and-night", DateTimeZone.Utc, ("Mon", "09:00-09:00"));

        Assert.Equal(Parse.Instant("2026-03-03T09:00:00Z"), calendar.AddOpenTime(Parse.Instant("2026-03-02T10:00:00Z"), Parse.Duration("23h")));
        Assert.Equal(Parse.Instant("2026-03-09T10:00:00Z"), calendar.AddOpenTime(Parse.Instant("2026-03-02T10:00:00Z"), Parse.Duration("24h")));
    }
}
