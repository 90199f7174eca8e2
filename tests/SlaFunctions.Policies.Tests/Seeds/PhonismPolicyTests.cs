using NodaTime;
using SlaFunctions.Engine.Clocks;
using Xunit;
using static SlaFunctions.Policies.Tests.Seeds.SeedPolicies;

namespace SlaFunctions.Policies.Tests.Seeds;

/// <summary>policies/phonism.yaml against Phonism's "1. Support": "Standard Hours: 0900 EST - 1700 EST Mon- Fri",
/// "Extended Hours*" (everything else), response "<10 Minutes" (Emergency, Extended), "<30 Minutes", "1 Hour",
/// "4 Hours" (Standard) and "1 Calendar Day" (Minor), and "Requests opened by emailing support@phonism.com will default
/// to Minor severity".</summary>
public sealed class PhonismPolicyTests
{
    // America/New_York springs forward on 2026-03-08 (02:00 EST becomes 03:00 EDT, at 07:00Z) and falls back on
    // 2026-11-01 (02:00 EDT becomes 01:00 EST, at 06:00Z). EST is UTC-5, EDT UTC-4.
    private static readonly DateTimeZone Eastern = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Tuesday 2026-03-10 12:00 EDT, in standard hours.
    private const string TuesdayNoon = "2026-03-10T16:00:00Z";

    [Fact]
    public void FirstResponse_EmergencyOpenedAt0855Eastern_Due0905NotAfterTheStaffedDay()
    {
        // "An emergency incident occurring outside standard support hours ... | Extended* | <10 Minutes": the clock does
        // not stop while the standard desk is staffed.
        var firstResponse = Case(Phonism, "emergency", "2026-03-10T12:55:00Z").StateAt("2026-03-10T12:55:00Z").Target("firstResponse");

        Assert.Equal(new LocalDateTime(2026, 3, 10, 9, 5), firstResponse.DueAt!.Value.InZone(Eastern).LocalDateTime);
        Assert.Equal(Duration.FromMinutes(10), firstResponse.Remaining);
    }

    [Theory]
    [InlineData("1", "2026-03-10T20:55:00Z", "2026-03-10T21:05:00Z")] // Emergency Tue 16:55 EDT: 10 min over the end of standard hours
    [InlineData("1", "2026-03-10T22:00:00Z", "2026-03-10T22:10:00Z")] // Emergency Tue 18:00 EDT, in extended hours: 10 min
    [InlineData("1", TuesdayNoon, "2026-03-10T16:10:00Z")] // Emergency Tue 12:00 EDT, while the desk is staffed: 10 min all the same
    [InlineData("1", "2026-03-02T13:55:00Z", "2026-03-02T14:05:00Z")] // Emergency Mon 08:55 EST: 09:05 EST, not 17:05
    [InlineData("1", "2026-03-07T17:00:00Z", "2026-03-07T17:10:00Z")] // Emergency Saturday noon: "00:00 EST - 23:59 EST Sat - Sun"
    [InlineData("1", "2026-03-08T06:55:00Z", "2026-03-08T07:05:00Z")] // Emergency Sun 01:55 EST to 03:05 EDT: 10 real minutes over the spring-forward
    [InlineData("1", "2026-11-01T05:55:00Z", "2026-11-01T06:05:00Z")] // Emergency Sun 01:55 EDT to 01:05 EST: 10 real minutes over the fall-back
    [InlineData("2", "2026-03-10T20:45:00Z", "2026-03-11T13:15:00Z")] // Critical Tue 16:45 EDT: 15 min, then Wed 09:00-09:15 EDT
    [InlineData("2", TuesdayNoon, "2026-03-10T16:30:00Z")] // Critical Tue 12:00 EDT, in standard hours: 30 min
    [InlineData("2", "2026-03-07T17:00:00Z", "2026-03-09T13:30:00Z")] // Critical on Saturday: from Mon 09:00 EDT, the first day after the spring-forward
    [InlineData("3", "2026-03-06T21:30:00Z", "2026-03-09T13:30:00Z")] // Major Fri 16:30 EST: 30 min Fri, 30 min from Mon 09:00 EDT
    [InlineData("3", "2026-10-30T20:30:00Z", "2026-11-02T14:30:00Z")] // Major Fri 16:30 EDT: 30 min Fri, 30 min from Mon 09:00 EST
    [InlineData("4", "2026-03-10T19:00:00Z", "2026-03-11T15:00:00Z")] // Moderate Tue 15:00 EDT: 2 h Tue, 2 h from Wed 09:00
    [InlineData("4", "2026-03-10T12:00:00Z", "2026-03-10T17:00:00Z")] // Moderate Tue 08:00 EDT: counted from 09:00, due 13:00 EDT
    [InlineData("5", "2026-03-06T21:00:00Z", "2026-03-07T21:00:00Z")] // Minor Fri 16:00 EST: "1 Calendar Day", Sat 16:00 EST
    public void FirstResponse_EachSeverity_DueInItsSupportHours(string severity, string openedAt, string due)
    {
        var state = Case(Phonism, severity, openedAt).StateAt(openedAt);

        Assert.Equal(At(due), state.Target("firstResponse").DueAt);
    }

    [Theory]
    [InlineData("email")] // "Requests opened by emailing support@phonism.com will default to Minor severity."
    [InlineData("EMAIL")] // channel names match case-insensitively
    [InlineData("phone")] // "Requests opened by other means will default to minor severity."
    [InlineData(null)] // no channel known
    public void DefaultSeverityFor_EmailOrOtherMeans_IsMinor(string? channel)
    {
        var severity = Phonism.DefaultSeverityFor(channel);

        Assert.NotNull(severity);
        Assert.Equal("5", severity.Id);
        Assert.Equal("Minor", severity.Name);
    }

    [Fact]
    public void FirstResponse_EmailSentFriday1600_DueSaturday1600AsMinor()
    {
        var severity = Phonism.DefaultSeverityFor("email")!.Id;

        var state = Case(Phonism, severity, "2026-03-06T21:00:00Z").StateAt("2026-03-06T21:00:00Z");

        Assert.Equal(At("2026-03-07T21:00:00Z"), state.Target("firstResponse").DueAt);
    }

    [Theory]
    [InlineData("2026-03-10T20:59:00Z", true, false)] // Tue 16:59 EDT: standard
    [InlineData("2026-03-10T21:00:00Z", false, true)] // Tue 17:00 EDT: extended ("17:01" is the seed's way of not overlapping)
    [InlineData("2026-03-10T12:59:00Z", false, true)] // Tue 08:59 EDT: extended
    [InlineData("2026-03-10T13:00:00Z", true, false)] // Tue 09:00 EDT: standard
    [InlineData("2026-03-07T17:00:00Z", false, true)] // Saturday noon: extended
    public void Extended_AtAnyInstant_OpenExactlyWhenStandardIsClosed(string instant, bool standard, bool extended)
    {
        Assert.Equal(standard, Phonism.Calendars["standard"].IsOpenAt(At(instant)));
        Assert.Equal(extended, Phonism.Calendars["extended"].IsOpenAt(At(instant)));
    }

    [Fact]
    public void Extended_OverTheSpringForwardFortnight_TogetherWithStandardCoversAllElapsedTime()
    {
        var from = At("2026-03-02T05:00:00Z"); // Mon 00:00 EST
        var to = At("2026-03-16T04:00:00Z"); // Mon 00:00 EDT, two weeks on

        var standard = Phonism.Calendars["standard"].OpenTimeBetween(from, to);
        var extended = Phonism.Calendars["extended"].OpenTimeBetween(from, to);

        Assert.Equal(Duration.FromHours(80), standard); // ten days of 09:00-17:00
        Assert.Equal(to - from, standard + extended); // 335 h: the fortnight lost an hour
    }

    [Fact]
    public void EmergencyPage_OpenedAsEmergency_OnCallAndAccountManagerToldAtOnce()
    {
        // "Emergency on-call support is available please contact your account manager"
        var point = Assert.Single(Case(Phonism, "1", TuesdayNoon).Points("emergency-page-on-call", TuesdayNoon, JustBefore(TuesdayNoon), TuesdayNoon));

        Assert.Equal(At(TuesdayNoon), point.At);
        Assert.Equal(["onCall", "accountManager"], point.Told());
    }

    [Fact]
    public void FirstResponse_EmergencyMissed_OnCallAndManagementToldAtTenMinutes()
    {
        const string evening = "2026-03-10T22:00:00Z"; // Tue 18:00 EDT
        var clock = Case(Phonism, "1", evening);

        var warning = Assert.Single(clock.Points("first-response-warning", evening, evening, "2026-03-10T23:00:00Z"));
        var breach = Assert.Single(clock.Points("emergency-first-response-breach", evening, evening, "2026-03-10T23:00:00Z"));

        Assert.Equal(At("2026-03-10T22:07:30Z"), warning.At); // 75% of 10 minutes
        Assert.Equal(At("2026-03-10T22:10:00Z"), breach.At);
        Assert.Equal(["onCall", "supportManagement"], breach.Told());
        Assert.Empty(clock.Points("first-response-breach", evening, evening, "2026-03-10T23:00:00Z")); // the Emergency rule replaces it
    }

    [Fact]
    public void CriticalOverdue_NoReply_ManagementToldEveryThirtyStandardMinutes()
    {
        // Critical Tue 16:00 EDT: due 16:30; overdue 30 min later at 17:00, then every 30 minutes of standard time,
        // which resumes Wed 09:00 EDT.
        const string opened = "2026-03-10T20:00:00Z";
        var clock = Case(Phonism, "2", opened);

        var overdue = clock.Points("critical-first-response-overdue", opened, opened, "2026-03-11T14:00:00Z");

        Assert.Equal(["2026-03-10T21:00:00Z", "2026-03-11T13:30:00Z", "2026-03-11T14:00:00Z"], overdue.Instants());
        Assert.All(overdue, p => Assert.Equal(["supportManagement"], p.Told()));
    }

    [Fact]
    public void CriticalOverdue_ReplyNextMorning_NoMoreReminders()
    {
        const string opened = "2026-03-10T20:00:00Z";
        var clock = Case(Phonism, "2", opened, Reply("2026-03-11T13:40:00Z"));

        var overdue = clock.Points("critical-first-response-overdue", "2026-03-11T13:40:00Z", opened, "2026-03-11T18:00:00Z");

        Assert.Equal(["2026-03-10T21:00:00Z", "2026-03-11T13:30:00Z"], overdue.Instants());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    [InlineData("4")]
    [InlineData("5")]
    public void Targets_EachSeverity_OnlyAFirstResponseIsTimed(string severity)
    {
        // The "Resolution Effort" column describes effort, not a time.
        var state = Case(Phonism, severity, TuesdayNoon).StateAt(TuesdayNoon);

        Assert.Equal(["firstResponse"], state.Targets.Select(t => t.Name));
    }
}
