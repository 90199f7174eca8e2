using NodaTime;
using SlaFunctions.Policies.Tests.Seeds;
using Xunit;

namespace SlaFunctions.Policies.Tests.Reading;

/// <summary><c>policy validate</c> warns when a calendar's holidays stop within the next 12 months.</summary>
public sealed class HolidayHorizonTests
{
    private static readonly LocalDate Today = new(2026, 12, 4);

    [Fact]
    public void Warnings_PlainDatesEndingWithin12Months_WarnAtTheCalendar()
    {
        var result = PolicyText.ReadWith("holidays: [\"2026-12-25\"]", "holidays: [\"2026-12-25\", \"2027-11-25\"]");

        var warning = Assert.Single(HolidayHorizon.Warnings(result, Today));

        Assert.Equal("calendars.business", warning.Path);
        Assert.Contains("2027-11-25", warning.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Policy); // a warning, not a problem: the policy still loads
    }

    [Fact]
    public void Warnings_PlainDatesReachingPast12Months_NoWarning()
    {
        var result = PolicyText.ReadWith("holidays: [\"2026-12-25\"]", "holidays: [\"2026-12-25\", \"2027-12-24\"]");

        Assert.Empty(HolidayHorizon.Warnings(result, Today));
    }

    [Fact]
    public void Warnings_NoHolidaysAtAll_NoWarning()
    {
        // Phonism and LumenVox name no holidays: there is nothing to run out.
        Assert.Empty(HolidayHorizon.Warnings(SeedPolicies.Read("phonism"), Today));
    }

    [Theory]
    [InlineData("xecuritas")] // yearly holidayRules
    [InlineData("lumedx")] // recurring events in holidays/us-business-holidays.ics
    public void Warnings_SeedsWithHolidays_NeverRunOut(string id)
    {
        var result = SeedPolicies.Read(id);

        Assert.Empty(HolidayHorizon.Warnings(result, Today));
        Assert.Empty(HolidayHorizon.Warnings(result, new LocalDate(2090, 1, 1)));
    }
}
