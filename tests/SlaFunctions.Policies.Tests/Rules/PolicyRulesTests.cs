using Xunit;

namespace SlaFunctions.Policies.Tests.Rules;

/// <summary>Each rule reports its problem at the field's path with a message that says how to fix it.</summary>
public sealed class PolicyRulesTests
{
    [Theory]
    [InlineData("calendar: business }\n      resolution: { businessDays", "calendar: nights }\n      resolution: { businessDays",
        "severities[1].targets.firstResponse.calendar", "'nights' is not a calendar")] // unknown calendar
    [InlineData("mon: [\"08:00-17:00\"]", "mon: [\"08:00-12:00\", \"11:00-17:00\"]",
        "calendars.business.hours.mon", "overlap")] // overlapping intervals on one day
    [InlineData("fri: [\"08:00-17:00\"]", "fri: [\"08:00-17:00\"]\n      sun: [\"20:00-09:00\"]",
        "calendars.business.hours.sun", "runs past midnight into mon")] // a Sunday night interval runs into Monday's
    [InlineData("timeZone: America/New_York", "timeZone: America/Gotham",
        "calendars.business.timeZone", "'America/Gotham' is not a time zone")] // bad zone id
    [InlineData("every: 4h", "every: 3x", "severities[0].targets.update.every", "'3x' is not a duration")] // bad duration
    [InlineData("aliases: [p2]", "aliases: [P1]", "severities[1].aliases[0]", "'P1' already names severities[0]")] // duplicate alias, any case
    [InlineData("mon: [\"08:00-17:00\"]", "mon: [\"8-5\"]", "calendars.business.hours.mon[0]", "is not an interval")] // bad interval
    [InlineData("holidays: [\"2026-12-25\"]", "holidays: [\"25/12/2026\"]", "calendars.business.holidays[0]", "YYYY-MM-DD")] // bad date
    [InlineData("at: { percent: 75 }", "at: { percent: 75, breach: true }", "escalations[0].at", "exactly one")] // two triggers
    [InlineData("notify: [assignee]", "notify: [boss]", "escalations[0].notify[0]", "neither a role")] // unknown recipient
    [InlineData("- target: firstResponse", "- target: firstReply", "escalations[0].target", "'firstReply' is not a target")] // unknown target
    [InlineData("resolution: { businessDays: 2, calendar: business }", "resolution: { businessDays: 2, within: 2d, calendar: business }",
        "severities[1].targets.resolution", "exactly one of 'within'")] // both units
    [InlineData("resolution: { businessDays: 2, calendar: business }", "resolution: { businessDays: 2, calendar: 24x7 }",
        "severities[1].targets.resolution.businessDays", "'24x7' is always open")] // business days on 24x7
    [InlineData("resolution: { businessDays: 2, calendar: business }", "resolution: { businessDays: 2, calendar: after-hours }",
        "severities[1].targets.resolution.businessDays", "complement")] // business days on a complement
    [InlineData("mon: [\"08:00-17:00\"]", "mon: [\"08:00-01:00\"]",
        "severities[1].targets.resolution.businessDays", "cross midnight")] // business days on hours crossing midnight
    [InlineData("id: acme", "id: Acme Gold", "id", "lowercase")] // id format
    [InlineData("    complementOf: business", "    complementOf: weekends", "calendars.after-hours.complementOf", "'weekends' is not a calendar")] // complement of nothing
    [InlineData("firstResponse: { within: 1h, calendar: 24x7 }", "firstResponse: { within: 1h, calender: 24x7 }",
        "severities[0].targets.firstResponse.calender", "is not a known field")] // a typo is caught, not ignored
    public void Check_BrokenField_ReportsItsPath(string find, string replace, string path, string message)
    {
        var result = PolicyText.ReadWith(find, replace);

        Assert.Null(result.Policy);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ManyProblems_ReportsEveryOneInOneGo()
    {
        var broken = PolicyText.Valid
            .Replace("timeZone: America/New_York", "timeZone: Mars/Olympus", StringComparison.Ordinal)
            .Replace("every: 4h", "every: soon", StringComparison.Ordinal)
            .Replace("aliases: [p2]", "aliases: [urgent]", StringComparison.Ordinal)
            .Replace("notify: [assignee]", "notify: [nobody]", StringComparison.Ordinal);

        var result = PolicyText.Read(broken);

        Assert.Equal(
            ["calendars.business.timeZone", "severities[1].aliases[0]", "severities[0].targets.update.every", "escalations[0].notify[0]"],
            result.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Check_CalendarNamed24x7_IsRefused()
    {
        var result = PolicyText.ReadWith("  after-hours:\n    complementOf: business", "  24x7:\n    timeZone: UTC\n    hours: { mon: [\"00:00-24:00\"] }");

        Assert.Contains(result.Problems, p => p.Path == "calendars.24x7" && p.Message.Contains("built in", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ComplementCycle_IsRefused()
    {
        var yaml = PolicyText.Valid.Replace("  after-hours:\n    complementOf: business",
            "  a:\n    complementOf: b\n  b:\n    complementOf: a", StringComparison.Ordinal);

        var result = PolicyText.Read(yaml);

        Assert.Contains(result.Problems, p => p.Path == "calendars.a.complementOf" && p.Message.Contains("circle", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_HolidaysFromInInlinePolicy_IsRefused()
    {
        var result = PolicyText.ReadWith("holidays: [\"2026-12-25\"]", "holidaysFrom: us.ics");

        Assert.Contains(result.Problems, p => p.Path == "calendars.business.holidaysFrom" && p.Message.Contains("inline", StringComparison.Ordinal));
    }
}
