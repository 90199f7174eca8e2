using Xunit;

namespace SlaFunctions.Policies.Tests.Rules;

/// <summary>Holiday rules are refused at their path, with a message that says how to fix them.</summary>
public sealed class HolidayRulesRuleTests
{
    private const string Holidays = "    holidays: [\"2026-12-25\"]";

    private static PolicyReadResult WithRules(params string[] rules) =>
        PolicyText.ReadWith(Holidays, "    holidayRules:\n" + string.Concat(rules.Select(r => "      - " + r + "\n")));

    [Theory]
    [InlineData("{ name: X, month: nov, day: 1, weekday: thu, week: fourth }", "calendars.business.holidayRules[0]", "exactly one form")]
    [InlineData("{ name: X, month: nov }", "calendars.business.holidayRules[0]", "exactly one form")]
    [InlineData("{ name: X, month: november, day: 1 }", "calendars.business.holidayRules[0].month", "'november' is not a month")]
    [InlineData("{ name: X, day: 1 }", "calendars.business.holidayRules[0].month", "is required")]
    [InlineData("{ name: X, month: feb, day: 29 }", "calendars.business.holidayRules[0].day", "use 1 to 28")]
    [InlineData("{ name: X, month: apr, day: 31 }", "calendars.business.holidayRules[0].day", "use 1 to 30")]
    [InlineData("{ name: X, month: nov, weekday: thursday, week: fourth }", "calendars.business.holidayRules[0].weekday", "'thursday' is not a day")]
    [InlineData("{ name: X, month: nov, weekday: thu, week: fifth }", "calendars.business.holidayRules[0].week", "'fifth' is not a week")]
    [InlineData("{ name: X, month: nov, weekday: thu }", "calendars.business.holidayRules[0].week", "is required with weekday")]
    [InlineData("{ name: X, month: jul, day: 4, observed: closest }", "calendars.business.holidayRules[0].observed", "'closest' is not a shift")]
    [InlineData("{ name: X, relativeTo: Thanksgiving, days: 1 }", "calendars.business.holidayRules[0].relativeTo", "'Thanksgiving' is not a rule")]
    [InlineData("{ name: X, relativeTo: X, days: 1 }", "calendars.business.holidayRules[0].relativeTo", "circle")]
    [InlineData("{ month: jul, day: 4 }", "calendars.business.holidayRules[0].name", "is required")]
    [InlineData("{ name: X, month: jul, day: 4, days: 1 }", "calendars.business.holidayRules[0].days", "only with relativeTo")]
    [InlineData("{ name: X, month: jul, day: 4, when: always }", "calendars.business.holidayRules[0].when", "is not a known field")]
    public void Check_BrokenRule_ReportsItsPath(string rule, string path, string message)
    {
        var result = WithRules(rule);

        Assert.Null(result.Policy);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_SameNameTwice_IsRefusedAtTheSecond()
    {
        var result = WithRules("{ name: X, month: jul, day: 4 }", "{ name: X, month: dec, day: 25 }");

        Assert.Contains(result.Problems, p => p.Path == "calendars.business.holidayRules[1].name" && p.Message.Contains("named twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_RelativeWithoutDays_IsRefused()
    {
        var result = WithRules("{ name: T, month: nov, weekday: thu, week: fourth }", "{ name: F, relativeTo: T }");

        Assert.Contains(result.Problems, p => p.Path == "calendars.business.holidayRules[1].days");
    }

    [Fact]
    public void Check_RulesOnAComplement_AreRefused()
    {
        var result = PolicyText.ReadWith("    complementOf: business", "    complementOf: business\n    holidayRules: [{ name: X, month: jul, day: 4 }]");

        Assert.Contains(result.Problems, p => p.Path == "calendars.after-hours.holidayRules");
    }

    [Fact]
    public void Check_GoodRules_Load()
    {
        var result = WithRules("{ name: T, month: nov, weekday: thu, week: fourth }", "{ name: F, relativeTo: T, days: 1 }", "{ name: E, month: dec, day: 24, observed: saturdayToFriday }");

        Assert.Empty(result.Problems);
    }
}
