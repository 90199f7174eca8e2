using NodaTime;
using SlaFunctions.Policies.Building;
using SlaFunctions.Policies.Tests.Seeds;
using Xunit;

namespace SlaFunctions.Policies.Tests.Building;

/// <summary>Yearly holiday rules: the three forms, the observed shifts, and Xecuritas' set against the seed's 2010 list
/// ("Xecuritas’ observed holidays for 2010 include: Friday, Jan. 1, ...") and later years.</summary>
public sealed class HolidayRulesTests
{
    private const string Rules = """
            holidayRules:
              - { name: New Year's Day, month: jan, day: 1, observed: nearestWeekday }
              - { name: Presidents' Day, month: feb, weekday: mon, week: third }
              - { name: Memorial Day, month: may, weekday: mon, week: last }
              - { name: Independence Day, month: jul, day: 4, observed: nearestWeekday }
              - { name: Thanksgiving, month: nov, weekday: thu, week: fourth }
              - { name: Day after Thanksgiving, relativeTo: Thanksgiving, days: 1 }
              - { name: Boxing Day, month: dec, day: 26, observed: weekendToMonday }
        """;

    private static LocalDate Date(int y, int m, int d) => new(y, m, d);

    // The business days of `year` the calendar closes all day: its holidays that fall on a weekday.
    private static List<LocalDate> ClosedWeekdays(Engine.Calendars.BusinessCalendar calendar, int year)
    {
        var closed = new List<LocalDate>();
        for (var date = Date(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            if (date.DayOfWeek < IsoDayOfWeek.Saturday && calendar.HoursOn(date).Count == 0)
            {
                closed.Add(date);
            }
        }
        return closed;
    }

    [Fact]
    public void Xecuritas_2010_ExactlyTheNineDatesTheSeedLists()
    {
        var business = SeedPolicies.Xecuritas.Calendars["business"];

        Assert.Equal(
            [Date(2010, 1, 1), Date(2010, 2, 15), Date(2010, 5, 31), Date(2010, 7, 5), Date(2010, 9, 6),
             Date(2010, 11, 25), Date(2010, 11, 26), Date(2010, 12, 24), Date(2010, 12, 31)],
            ClosedWeekdays(business, 2010));
    }

    [Fact]
    public void Xecuritas_2026_ThanksgivingChristmasAndJuly4ObservedOnFriday()
    {
        var business = SeedPolicies.Xecuritas.Calendars["business"];

        // July 4 2026 is a Saturday: observed Friday July 3. Thanksgiving is Thursday November 26.
        Assert.Equal(
            [Date(2026, 1, 1), Date(2026, 2, 16), Date(2026, 5, 25), Date(2026, 7, 3), Date(2026, 9, 7),
             Date(2026, 11, 26), Date(2026, 11, 27), Date(2026, 12, 25)],
            ClosedWeekdays(business, 2026));
    }

    [Fact]
    public void Xecuritas_2027_ChristmasAndNewYear2028FallOnSaturdaysSoBothFridaysClose()
    {
        var business = SeedPolicies.Xecuritas.Calendars["business"];

        Assert.Equal(
            [Date(2027, 1, 1), Date(2027, 2, 15), Date(2027, 5, 31), Date(2027, 7, 5), Date(2027, 9, 6),
             Date(2027, 11, 25), Date(2027, 11, 26), Date(2027, 12, 24), Date(2027, 12, 31)],
            ClosedWeekdays(business, 2027));
    }

    [Fact]
    public void Xecuritas_Severity3OpenedTheDayBeforeThanksgiving2026_DueTheMondayAfter()
    {
        // "3 | Within 1 day after logging the issue": Wed 2026-11-25 10:00 EST; Thursday and Friday are holidays.
        var state = SeedPolicies.Case(SeedPolicies.Xecuritas, "3", "2026-11-25T15:00:00Z").StateAt("2026-11-25T15:00:00Z");

        Assert.Equal(SeedPolicies.At("2026-11-30T15:00:00Z"), state.Target("firstResponse").DueAt);
    }

    [Theory]
    [InlineData(2026, "2026-01-01 2026-02-16 2026-05-25 2026-07-03 2026-11-26 2026-11-27 2026-12-28")] // Boxing Day on a Saturday: Monday
    [InlineData(2021, "2021-01-01 2021-02-15 2021-05-31 2021-07-05 2021-11-25 2021-11-26 2021-12-27 2021-12-31")] // New Year 2022 on a Saturday: Friday 2021-12-31
    public void Expand_EachForm_GivesThatYearsDates(int year, string expected)
    {
        var result = PolicyText.ReadWith("    holidays: [\"2026-12-25\"]", Rules);
        Assert.Empty(result.Problems);

        var closed = ClosedWeekdays(result.Policy!.Calendars["business"], year);

        Assert.Equal(expected.Split(' '), closed.Select(d => d.ToString("yyyy-MM-dd", null)));
    }

    [Theory]
    [InlineData(ObservedShift.None, "2026-07-04", "2026-07-04")]
    [InlineData(ObservedShift.NearestWeekday, "2026-07-04", "2026-07-03")] // Saturday to Friday
    [InlineData(ObservedShift.NearestWeekday, "2027-07-04", "2027-07-05")] // Sunday to Monday
    [InlineData(ObservedShift.SaturdayToFriday, "2027-07-04", "2027-07-04")]
    [InlineData(ObservedShift.SundayToMonday, "2026-07-04", "2026-07-04")]
    [InlineData(ObservedShift.WeekendToMonday, "2026-07-04", "2026-07-06")]
    [InlineData(ObservedShift.NearestWeekday, "2026-07-06", "2026-07-06")] // a weekday stays
    public void Apply_Shift_MovesOnlyWeekendDays(ObservedShift shift, string date, string observed)
    {
        var parse = (string d) => NodaTime.Text.LocalDatePattern.Iso.Parse(d).Value;

        Assert.Equal(parse(observed), shift.Apply(parse(date)));
    }

    [Fact]
    public void Expand_RulesRunToTheLastYearOfTheSpan()
    {
        var result = PolicyText.ReadWith("    holidays: [\"2026-12-25\"]", Rules);

        // New Year's Day 2101 is a Saturday, observed on Friday 2100-12-31, the last day of the span.
        Assert.Equal(Date(2100, 12, 31), result.LastHolidays["business"]);
    }
}
