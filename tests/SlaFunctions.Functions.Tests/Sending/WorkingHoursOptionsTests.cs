using Microsoft.Extensions.Configuration;
using NodaTime;
using SlaFunctions.Monitoring.Sending;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sending;

/// <summary>Working hours as configured (<c>Notices:WorkingHours:&lt;who&gt;</c>), bound the way the app binds them.</summary>
public sealed class WorkingHoursOptionsTests
{
    // Monday 2026-03-02 to Sunday 2026-03-08, UTC.
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 0, 0);

    private static WorkingHoursOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>($"Notices:WorkingHours:ops:{s.Key}", s.Value)))
            .Build();
        var options = configuration.GetSection(NoticeOptions.Section).Get<NoticeOptions>()!;
        return options.WorkingHours["ops"];
    }

    // The days of the week (0 = Monday) on which 12:00 UTC is working time.
    private static int[] WorkingDaysAtNoon(WorkingHoursOptions hours)
    {
        var (calendar, problems) = hours.ToCalendar("ops");
        Assert.Empty(problems);
        return [.. Enumerable.Range(0, 7).Where(d => calendar!.IsOpenAt(Monday + Duration.FromDays(d) + Duration.FromHours(12)))];
    }

    [Theory]
    [InlineData(new[] { "sat", "sun" }, new[] { 5, 6 })] // weekend-only staff
    [InlineData(new[] { "tue", "wed", "thu" }, new[] { 1, 2, 3 })]
    [InlineData(new[] { "mon" }, new[] { 0 })]
    [InlineData(new[] { "SUN" }, new[] { 6 })] // any letter case
    public void Days_Configured_ReplaceMondayToFriday(string[] days, int[] expected)
    {
        var hours = Bind([.. days.Select((d, i) => ($"Days:{i}", d))]);

        Assert.Equal(expected, WorkingDaysAtNoon(hours));
    }

    [Fact]
    public void Days_NoneConfigured_MondayToFriday()
    {
        Assert.Equal([0, 1, 2, 3, 4], WorkingDaysAtNoon(Bind(("TimeZone", "UTC"))));
    }

    [Theory]
    [InlineData("00:00-24:00", "2026-03-02T00:00:00Z", true)] // the whole day, as in policies
    [InlineData("00:00-24:00", "2026-03-02T23:59:00Z", true)]
    [InlineData("22:00-06:00", "2026-03-03T03:00:00Z", true)] // Monday's night shift runs into Tuesday
    [InlineData("22:00-06:00", "2026-03-02T12:00:00Z", false)]
    [InlineData("09:00-17:30", "2026-03-02T17:15:00Z", true)]
    [InlineData("09:00-17:30", "2026-03-02T17:30:00Z", false)]
    public void Hours_ReadAsPoliciesReadThem(string text, string instant, bool open)
    {
        var (calendar, problems) = Bind(("Hours", text), ("Days:0", "mon")).ToCalendar("ops");

        Assert.Empty(problems);
        Assert.Equal(open, calendar!.IsOpenAt(NodaTime.Text.InstantPattern.ExtendedIso.Parse(instant).Value));
    }

    [Theory]
    [InlineData("Hours", "9-5", "ops:Hours '9-5'")]
    [InlineData("Hours", "25:00-26:00", "ops:Hours")]
    [InlineData("Days:0", "someday", "ops:Days")]
    [InlineData("TimeZone", "Mars/Olympus", "ops:TimeZone")]
    public void BadSetting_AProblemNamingTheKey(string key, string value, string problem)
    {
        var (calendar, problems) = Bind((key, value)).ToCalendar("ops");

        Assert.Null(calendar);
        Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
    }
}
