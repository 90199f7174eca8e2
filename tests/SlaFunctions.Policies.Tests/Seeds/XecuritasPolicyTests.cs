using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Escalations;
using Xunit;
using static SlaFunctions.Policies.Tests.Seeds.SeedPolicies;

namespace SlaFunctions.Policies.Tests.Seeds;

/// <summary>policies/xecuritas.yaml against the Xecuritas "Policies" page: "8 AM to 7 PM US Eastern Time, Monday
/// through Friday", Severity-1 "24 hours a day, 7 days a week", the 2010 holidays, response "Within 1 hour / 4-6 hours /
/// 1 day", resolution "Within 1 day / 2 days / 1 week", and closing "if the customer has not provided a response ...
/// within 10 days".</summary>
public sealed class XecuritasPolicyTests
{
    // America/New_York: in 2010 it sprang forward on 2010-03-14 and fell back on 2010-11-07; in 2026 it springs
    // forward on 2026-03-08. EST is UTC-5, EDT UTC-4.
    private static readonly DateTimeZone Eastern = DateTimeZoneProviders.Tzdb["America/New_York"];

    // Tuesday 2010-11-23 10:00 EST, two days before Thanksgiving (Thu 2010-11-25) and the day after (Fri 2010-11-26).
    private const string Opened = "2010-11-23T15:00:00Z";

    [Theory]
    [InlineData("1", "2010-11-27T08:00:00Z", "2010-11-27T09:00:00Z")] // Sat 03:00 EST: Severity-1 is 24x7
    [InlineData("1", "2010-11-25T17:00:00Z", "2010-11-25T18:00:00Z")] // Thanksgiving noon: holidays do not close 24x7
    [InlineData("1", Opened, "2010-11-23T16:00:00Z")] // Tue 10:00 EST in business hours: 1 h all the same
    [InlineData("1", "2010-03-14T06:30:00Z", "2010-03-14T07:30:00Z")] // 01:30 EST to 03:30 EDT: one real hour over the 2010 spring-forward
    [InlineData("2", Opened, "2010-11-23T21:00:00Z")] // Tue 10:00 EST in hours: 6 h, 16:00 EST
    [InlineData("2", "2010-11-24T01:00:00Z", "2010-11-24T19:00:00Z")] // Tue 20:00 EST after hours: from Wed 08:00, 14:00 EST
    [InlineData("2", "2010-11-24T21:00:00Z", "2010-11-29T16:00:00Z")] // Wed 16:00 EST: 3 h Wed; Thanksgiving, the day after and the weekend closed; 3 h Mon
    [InlineData("2", "2010-03-12T22:00:00Z", "2010-03-15T16:00:00Z")] // Fri 17:00 EST: 2 h; Mon 08:00 EDT (12:00Z) + 4 h, over the 2010 spring-forward
    [InlineData("2", "2010-11-05T21:00:00Z", "2010-11-08T17:00:00Z")] // Fri 17:00 EDT: 2 h; Mon 08:00 EST (13:00Z) + 4 h, over the 2010 fall-back
    [InlineData("2", "2026-03-06T22:00:00Z", "2026-03-09T16:00:00Z")] // the same over the 2026 spring-forward
    [InlineData("3", "2010-11-24T15:00:00Z", "2010-11-29T15:00:00Z")] // "Within 1 day", one business day: Wed to Mon over Thanksgiving
    [InlineData("3", "2010-11-20T17:00:00Z", "2010-11-23T13:00:00Z")] // Saturday noon: counted from Mon 08:00 EST, due Tue 08:00 EST
    [InlineData("3", "2010-03-12T15:00:00Z", "2010-03-15T14:00:00Z")] // Fri 10:00 EST to Mon 10:00 EDT over the 2010 spring-forward
    [InlineData("3", "2010-12-23T15:00:00Z", "2010-12-27T15:00:00Z")] // Thu 10:00 EST: Fri Dec. 24 is a holiday, so Monday
    [InlineData("3", "2010-12-30T15:00:00Z", "2011-01-03T15:00:00Z")] // Thu 10:00 EST: Fri Dec. 31 is a holiday, so Monday 2011-01-03
    public void FirstResponse_EachSeverity_DueAsTheSeedSays(string severity, string openedAt, string due)
    {
        var state = Case(Xecuritas, severity, openedAt).StateAt(openedAt);

        Assert.Equal(At(due), state.Target("firstResponse").DueAt);
    }

    [Fact]
    public void FirstResponse_Severity2OverTheSpringForward_DueAtNoonEastern()
    {
        var due = Case(Xecuritas, "2", "2010-03-12T22:00:00Z").StateAt("2010-03-12T22:00:00Z").Target("firstResponse").DueAt!.Value;

        Assert.Equal(new LocalDateTime(2010, 3, 15, 12, 0), due.InZone(Eastern).LocalDateTime);
    }

    [Fact]
    public void FirstResponse_Severity2_WarnsAtFourBusinessHoursAndBreachesAtSix()
    {
        // "Within 4-6 hours after logging the issue": 4 h is a warning to the assignee, 6 h the breach.
        var clock = Case(Xecuritas, "2", Opened);

        var warning = Assert.Single(clock.Points("sev2-first-response-4h", Opened, Opened, "2010-11-24T00:00:00Z"));
        var breach = Assert.Single(clock.Points("first-response-breach", Opened, Opened, "2010-11-24T00:00:00Z"));
        var firstResponse = clock.StateAt("2010-11-23T22:00:00Z").Target("firstResponse");

        Assert.Equal(At("2010-11-23T19:00:00Z"), warning.At); // 14:00 EST
        Assert.Equal(["assignee"], warning.Told());
        Assert.Equal(At("2010-11-23T21:00:00Z"), breach.At); // 16:00 EST
        Assert.Equal(["assignee", "supportManagement"], breach.Told());
        Assert.Equal(TargetState.Breached, firstResponse.State);
        Assert.Equal(At("2010-11-23T21:00:00Z"), firstResponse.BreachedAt);
    }

    [Fact]
    public void FirstResponse_Severity2AnsweredAtFiveHours_MetAfterTheWarningWithoutBreach()
    {
        var clock = Case(Xecuritas, "2", Opened, Reply("2010-11-23T20:00:00Z"));

        var firstResponse = clock.StateAt("2010-11-23T22:00:00Z").Target("firstResponse");

        Assert.Equal(TargetState.Met, firstResponse.State);
        Assert.Equal(At("2010-11-23T21:00:00Z"), firstResponse.DueAt);
        Assert.Equal(["2010-11-23T19:00:00Z"], clock.Points("sev2-first-response-4h", "2010-11-23T22:00:00Z", Opened, "2010-11-24T00:00:00Z").Instants());
        Assert.Empty(clock.Points("first-response-breach", "2010-11-23T22:00:00Z", Opened, "2010-11-24T00:00:00Z"));
    }

    [Fact]
    public void FirstResponse_Severity2OpenedBeforeThanksgiving_WarnsAndBreachesOnMonday()
    {
        // Wed 16:00 EST: 3 business hours Wednesday, then Thu 25 and Fri 26 are holidays. The 4th hour ends Mon 09:00
        // EST and the 6th Mon 11:00 EST.
        var clock = Case(Xecuritas, "2", "2010-11-24T21:00:00Z");

        Assert.Equal(["2010-11-29T14:00:00Z"], clock.Points("sev2-first-response-4h", "2010-11-24T21:00:00Z", "2010-11-24T21:00:00Z", "2010-11-30T00:00:00Z").Instants());
        Assert.Equal(["2010-11-29T16:00:00Z"], clock.Points("first-response-breach", "2010-11-24T21:00:00Z", "2010-11-24T21:00:00Z", "2010-11-30T00:00:00Z").Instants());
    }

    [Theory]
    [InlineData("1", "2010-11-27T08:00:00Z", "2010-11-28T08:00:00Z")] // "Within 1 day", 24 h on 24x7, Saturday to Sunday
    [InlineData("2", "2010-11-24T15:00:00Z", "2010-11-30T15:00:00Z")] // "Within 2 days", business days: Mon 29 and Tue 30 after Thanksgiving
    [InlineData("3", "2010-11-22T15:00:00Z", "2010-12-01T15:00:00Z")] // "Within 1 week", five business days: Tue, Wed, Mon, Tue, Wed
    public void Resolution_EachSeverity_DueAsTheSeedSays(string severity, string openedAt, string due)
    {
        var state = Case(Xecuritas, severity, openedAt).StateAt(openedAt);

        Assert.Equal(At(due), state.Target("resolution").DueAt);
    }

    [Theory]
    [InlineData("1", "2010-11-27T08:00:00Z", "2010-11-27T20:00:00Z", "2010-11-28T08:00:00Z")] // workaround 12 h into the day
    [InlineData("2", "2010-11-24T15:00:00Z", "2010-11-29T15:00:00Z", "2010-11-30T15:00:00Z")] // workaround on the first of the 2 business days
    [InlineData("3", "2010-11-22T15:00:00Z", "2010-11-30T15:00:00Z", "2010-12-01T15:00:00Z")] // workaround on the 4th of the 5 business days
    public void Resolution_WorkaroundDeliveredInTime_MetThoughTheCaseStaysOpen(string severity, string openedAt, string workaround, string due)
    {
        // "Resolution time is defined as the period within which the problem is resolved or an acceptable work-around
        // or alternate resolution plan has been delivered."
        var clock = Case(Xecuritas, severity, openedAt, Reply(openedAt), Workaround(workaround));

        var resolution = clock.StateAt("2010-12-02T00:00:00Z").Target("resolution");

        Assert.Equal(TargetState.Met, resolution.State);
        Assert.Equal(At(workaround), resolution.MetAt);
        Assert.Equal(At(due), resolution.DueAt);
        Assert.DoesNotContain(clock.EscalationsBetween(At("2010-12-02T00:00:00Z"), At(openedAt), At("2010-12-02T00:00:00Z")), p => p.Target == "resolution" && p.Kind == EscalationTriggerKind.Breach);
    }

    [Fact]
    public void Resolution_Severity1Unresolved_SupportManagementToldAfterOneDay()
    {
        // "Within 1 day, else notification and/or escalation to Xecuritas technical support management"
        var point = Assert.Single(Case(Xecuritas, "1", "2010-11-27T08:00:00Z")
            .Points("sev1-resolution-breach", "2010-11-27T08:00:00Z", "2010-11-27T08:00:00Z", "2010-11-29T00:00:00Z"));

        Assert.Equal(At("2010-11-28T08:00:00Z"), point.At);
        Assert.Equal(["supportManagement"], point.Told());
    }

    [Fact]
    public void Resolution_Severity1WaitingOnCustomerFourHours_PausedThenDueFourHoursLater()
    {
        // Opened Mon 2010-11-01 10:00 EDT; waiting on the customer 12:00-16:00 EDT.
        var clock = Case(Xecuritas, "1", "2010-11-01T14:00:00Z",
            Reply("2010-11-01T15:00:00Z"),
            Status("2010-11-01T16:00:00Z", CaseStatus.Pending),
            CustomerReply("2010-11-01T20:00:00Z"),
            Status("2010-11-01T20:00:00Z", CaseStatus.Open));

        var whilePending = clock.StateAt("2010-11-01T18:00:00Z").Target("resolution");
        var afterwards = clock.StateAt("2010-11-01T21:00:00Z").Target("resolution");

        Assert.Equal(TargetState.Paused, whilePending.State);
        Assert.Equal(At("2010-11-01T16:00:00Z"), whilePending.PausedSince);
        Assert.Null(whilePending.DueAt);
        Assert.Equal(TargetState.Running, afterwards.State);
        Assert.Equal(At("2010-11-02T18:00:00Z"), afterwards.DueAt);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    [InlineData("3")]
    public void WaitingOnCustomer_NoReplyFor10Days_AssigneeToldAndTheCaseLeftOpen(string severity)
    {
        // "Xecuritas will close an incident if the customer has not provided a response to requests for information
        // within 10 days": pending from Mon 2010-11-01 11:00 EDT; 240 elapsed hours later, over the 2010-11-07
        // fall-back, is Thu 2010-11-11 15:00Z (10:00 EST). The monitor notifies; it never closes the ticket.
        var clock = Case(Xecuritas, severity, "2010-11-01T14:00:00Z",
            Reply("2010-11-01T14:30:00Z"),
            Status("2010-11-01T15:00:00Z", CaseStatus.Pending));

        var state = clock.StateAt("2010-11-12T00:00:00Z");
        var point = Assert.Single(clock.Points("waiting-on-customer-10d", "2010-11-12T00:00:00Z", "2010-11-01T14:00:00Z", "2010-11-20T00:00:00Z"));

        var waiting = state.Target("waitingOnCustomer");
        Assert.Equal(TargetState.Breached, waiting.State);
        Assert.Equal(At("2010-11-01T15:00:00Z"), waiting.StartedAt);
        Assert.Equal(At("2010-11-11T15:00:00Z"), waiting.BreachedAt);
        Assert.Equal(At("2010-11-11T15:00:00Z"), point.At);
        Assert.Equal(["assignee"], point.Told());
        Assert.Equal(TargetState.Paused, state.Target("resolution").State); // still waiting, neither solved nor closed
    }

    [Fact]
    public void WaitingOnCustomer_CustomerRepliesOnDay3_Met()
    {
        var clock = Case(Xecuritas, "2", "2010-11-01T14:00:00Z",
            Status("2010-11-02T15:00:00Z", CaseStatus.Pending),
            CustomerReply("2010-11-05T14:00:00Z"),
            Status("2010-11-05T14:00:00Z", CaseStatus.Open));

        var waiting = clock.StateAt("2010-11-13T00:00:00Z").Target("waitingOnCustomer");

        Assert.Equal(TargetState.Met, waiting.State);
        Assert.Equal(At("2010-11-05T14:00:00Z"), waiting.MetAt);
        Assert.Equal(At("2010-11-12T15:00:00Z"), waiting.DueAt);
        Assert.Empty(clock.Points("waiting-on-customer-10d", "2010-11-13T00:00:00Z", "2010-11-01T14:00:00Z", "2010-11-20T00:00:00Z"));
    }

    [Fact]
    public void WaitingOnCustomer_PendingAgainLater_TenDaysFromTheLatestRequest()
    {
        var clock = Case(Xecuritas, "2", "2010-11-01T14:00:00Z",
            Status("2010-11-02T15:00:00Z", CaseStatus.Pending),
            CustomerReply("2010-11-05T14:00:00Z"),
            Status("2010-11-05T14:00:00Z", CaseStatus.Open),
            Status("2010-11-08T17:00:00Z", CaseStatus.Pending));

        var waiting = clock.StateAt("2010-11-09T00:00:00Z").Target("waitingOnCustomer");

        Assert.Equal(TargetState.Running, waiting.State);
        Assert.Equal(At("2010-11-08T17:00:00Z"), waiting.StartedAt);
        Assert.Equal(At("2010-11-18T17:00:00Z"), waiting.DueAt);
    }

    [Fact]
    public void WaitingOnCustomer_NeverPending_NotStarted()
    {
        var waiting = Case(Xecuritas, "2", Opened, Reply("2010-11-23T16:00:00Z")).StateAt("2010-12-23T00:00:00Z").Target("waitingOnCustomer");

        Assert.Equal(TargetState.NotStarted, waiting.State);
        Assert.Null(waiting.DueAt);
    }

    [Fact]
    public void Severity1_OpenedOrRaised_OnCallPaged()
    {
        // "Severity-1 level cases opened online will automatically alert the on-call technical staff via pager."
        var point = Assert.Single(Case(Xecuritas, "1", Opened).Points("sev1-page-on-call", Opened, JustBefore(Opened), Opened));

        Assert.Equal(At(Opened), point.At);
        Assert.Equal(["onCall"], point.Told());
    }

    [Theory]
    [InlineData("2010-01-01")] // Friday, Jan. 1
    [InlineData("2010-02-15")] // Monday, Feb. 15
    [InlineData("2010-05-31")] // Monday, May 31
    [InlineData("2010-07-05")] // Monday, July 5
    [InlineData("2010-09-06")] // Monday, Sep. 6
    [InlineData("2010-11-25")] // Thursday, Nov. 25
    [InlineData("2010-11-26")] // Friday, Nov. 26
    [InlineData("2010-12-24")] // Friday, Dec. 24
    [InlineData("2010-12-31")] // Friday, Dec. 31
    public void Holidays_Observed2010_BusinessClosedAndExtendedOpenAllDay(string holiday)
    {
        var date = LocalDatePattern.Iso.Parse(holiday).Value;

        Assert.Empty(Xecuritas.Calendars["business"].HoursOn(date));
        Assert.Equal([OpeningInterval.WholeDay], Xecuritas.Calendars["extended"].HoursOn(date));
    }
}
