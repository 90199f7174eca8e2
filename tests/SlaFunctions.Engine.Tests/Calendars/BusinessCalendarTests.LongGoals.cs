using NodaTime;
using SlaFunctions.Engine.Calendars;
using Xunit;
using static SlaFunctions.Engine.Tests.TestCalendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>Goals of many weeks, which the engine meets by skipping whole weeks; each is checked by hand, against the
/// independent <see cref="ReferenceCalendar"/>, and minute by minute.</summary>
public sealed partial class BusinessCalendarTests
{
    // A method, not a field: static fields of the other partial files may not be initialized yet when a field here is.
    private static (BusinessCalendar Engine, ReferenceCalendar Reference) LongGoalCalendar(string name) => name switch
    {
        "support" => (Support, Reference(DateTimeZone.Utc, [("Mon-Fri", "09:00-17:00")])),
        "ny-office" => (NewYorkOffice, Reference(NewYork, [("Mon-Fri", "09:00-17:00")])),
        "uk-christmas" => (LondonChristmas, Reference(
            London,
            [("Mon-Fri", "09:00-17:00")],
            [new LocalDate(2026, 12, 25), new LocalDate(2026, 12, 28), new LocalDate(2027, 1, 1)],
            new Dictionary<LocalDate, OpeningInterval[]>
            {
                [new LocalDate(2026, 12, 24)] = [Interval("09:00-13:00")],
                [new LocalDate(2026, 12, 31)] = [Interval("09:00-12:00")],
            })),
        "lumenvox" => (LumenVox, Reference(EtcGmt, [("Mon-Fri", "08:00-01:00")])),
        "lumenvox-easter" => (LumenVoxEaster, Reference(EtcGmt, [("Mon-Fri", "08:00-01:00")], [GoodFriday, EasterMonday])),
        "extended" => (PhonismExtended, Reference(NewYork, [("Mon-Fri", "09:00-17:00")]).Complement()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such test calendar."),
    };

    [Theory]
    [InlineData("support", "2026-03-02T09:00:00Z", "200h", "2026-04-03T17:00:00Z")] // five 40h weeks, ending at a Friday closing
    [InlineData("ny-office", "2026-02-23T09:00:00-05:00", "200h", "2026-03-27T17:00:00-04:00")] // five weeks over the spring-forward weekend
    [InlineData("ny-office", "2026-02-23T09:00:00-05:00", "201h", "2026-03-30T10:00:00-04:00")] // one hour more: the next Monday
    [InlineData("ny-office", "2026-10-05T09:00:00-04:00", "200h", "2026-11-06T17:00:00-05:00")] // five weeks over the fall-back weekend
    [InlineData("uk-christmas", "2026-12-07T09:00:00Z", "200h", "2027-01-15T10:00:00Z")] // 40+40+28+19+40, then 33h into mid-January
    [InlineData("lumenvox", "2026-03-06T23:30:00Z", "200h", "2026-03-24T19:30:00Z")] // 1h30 + two 85h weeks + 17h Monday + 11h30 Tuesday
    [InlineData("lumenvox-easter", "2026-03-23T08:00:00Z", "200h", "2026-04-09T21:00:00Z")] // 85h, 68h Easter week, Easter Monday closed, 17+17+13
    [InlineData("extended", "2026-03-02T10:00:00-05:00", "500h", "2026-03-29T22:00:00-04:00")] // 127h to Mar 9 09:00, two 128h weeks, 117h more
    public void AddOpenTime_MultiWeekGoal_MatchesHandReferenceAndMinuteWalk(string calendar, string start, string goal, string due)
    {
        var (engine, reference) = LongGoalCalendar(calendar);
        var from = Parse.Instant(start);
        var goalTime = Parse.Duration(goal);
        var expected = Parse.Instant(due);

        Assert.Equal(expected, reference.AddOpenTime(from, goalTime));
        Assert.Equal(expected, MinuteWalk.AddOpenTime(engine, from, goalTime));
        Assert.Equal(expected, engine.AddOpenTime(from, goalTime));
        Assert.Equal(goalTime, engine.OpenTimeBetween(from, expected));
    }

    [Theory]
    [InlineData("support", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z")] // a whole year
    [InlineData("ny-office", "2026-02-18T13:07:00Z", "2026-11-20T02:51:00Z")] // both transitions, odd ends
    [InlineData("uk-christmas", "2026-11-30T12:00:00Z", "2027-02-01T12:00:00Z")] // the holiday weeks
    [InlineData("lumenvox-easter", "2026-03-01T00:30:00Z", "2026-05-01T00:30:00Z")] // Easter, ends inside intervals past midnight
    [InlineData("extended", "2026-02-01T00:00:00Z", "2026-12-01T00:00:00Z")] // the complement over both transitions
    public void OpenTimeBetween_LongRange_MatchesReference(string calendar, string from, string to)
    {
        var (engine, reference) = LongGoalCalendar(calendar);
        var start = Parse.Instant(from);
        var end = Parse.Instant(to);

        Assert.Equal(reference.OpenTime(start, end), engine.OpenTimeBetween(start, end));
    }

    private static ReferenceCalendar Reference(
        DateTimeZone zone,
        (string Days, string Intervals)[] lines,
        LocalDate[]? holidays = null,
        Dictionary<LocalDate, OpeningInterval[]>? overrides = null)
    {
        var hours = Hours(lines);
        var weekly = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToDictionary(d => d, d => hours.On(d).ToArray());
        return ReferenceCalendar.Weekly(zone, weekly, holidays, overrides);
    }
}
