using NodaTime;
using SlaFunctions.Engine.Clocks;
using Xunit;
using static SlaFunctions.Policies.Tests.Seeds.SeedPolicies;

namespace SlaFunctions.Policies.Tests.Seeds;

/// <summary>policies/lumedx.yaml against the LUMEDX Technical Support page: "6:00 AM and 5:00 PM Pacific Time",
/// Priority 1 "Account management will be notified ... within fifteen (15) minutes" and "follow-up calls ... every two
/// (2) hours until the Priority 1 problem is resolved", Priority 2 "within two (2) business days", "escalated to
/// LUMEDX's Account Manager if ... not resolved within twenty-four (24) hours" and "update you once a day (following
/// the initial 24-hour period)". Holidays come from policies/holidays/us-business-holidays.ics.</summary>
public sealed class LumedxPolicyTests
{
    // America/Los_Angeles springs forward on 2026-03-08 (PST, UTC-8, to PDT, UTC-7) and falls back on 2026-11-01.
    private static readonly DateTimeZone Pacific = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    // Tuesday 10:00 PDT.
    private const string Opened = "2026-03-10T17:00:00Z";

    [Theory]
    [InlineData("1", "2026-03-07T11:00:00Z", "2026-03-07T12:00:00Z")] // Sat 03:00 PST: "contacted via pager", 1 h on 24x7
    [InlineData("1", "2026-03-08T09:30:00Z", "2026-03-08T10:30:00Z")] // 01:30 PST to 03:30 PDT: one real hour over the spring-forward
    [InlineData("1", "2026-11-01T08:30:00Z", "2026-11-01T09:30:00Z")] // 01:30 PDT to 01:30 PST: one real hour over the fall-back
    [InlineData("2", Opened, "2026-03-11T17:00:00Z")] // Tue 10:00 PDT: next business day, Wed 10:00 PDT
    [InlineData("2", "2026-03-11T03:00:00Z", "2026-03-12T13:00:00Z")] // Tue 20:00 PDT after hours: counted from Wed 06:00, due Thu 06:00 PDT
    [InlineData("2", "2026-03-06T18:00:00Z", "2026-03-09T17:00:00Z")] // Fri 10:00 PST to Mon 10:00 PDT: same wall clock over the spring-forward
    [InlineData("3", "2026-10-30T17:00:00Z", "2026-11-02T18:00:00Z")] // Fri 10:00 PDT to Mon 10:00 PST: same wall clock over the fall-back
    [InlineData("3", "2026-03-11T21:00:00Z", "2026-03-12T21:00:00Z")] // Wed 14:00 PDT in hours: Thu 14:00 PDT
    [InlineData("2", "2026-11-25T18:00:00Z", "2026-11-30T18:00:00Z")] // Wed before Thanksgiving: Thu 26 and Fri 27 are holidays, so Monday
    [InlineData("3", "2026-11-26T18:00:00Z", "2026-12-01T14:00:00Z")] // opened on Thanksgiving: from Mon 06:00 PST, due Tue 06:00 PST
    [InlineData("2", "2026-05-22T16:00:00Z", "2026-05-26T16:00:00Z")] // Fri 09:00 PDT before Memorial Day: Tuesday
    [InlineData("2", "2026-07-02T16:00:00Z", "2026-07-06T16:00:00Z")] // Thu 09:00 PDT: Fri 07-03 is Independence Day observed
    [InlineData("3", "2026-12-24T17:00:00Z", "2026-12-28T17:00:00Z")] // Thu 09:00 PST: Christmas Friday is a holiday
    public void FirstResponse_EachPriority_DueAsTheSeedSays(string severity, string openedAt, string due)
    {
        var state = Case(Lumedx, severity, openedAt).StateAt(openedAt);

        Assert.Equal(At(due), state.Target("firstResponse").DueAt);
    }

    [Fact]
    public void FirstResponse_Priority2OverTheSpringForward_DueAtTenPacificNotNine()
    {
        // Friday 10:00 PST; the next business day is Monday, and 10:00 there is PDT, 71 real hours later.
        var due = Case(Lumedx, "2", "2026-03-06T18:00:00Z").StateAt("2026-03-06T18:00:00Z").Target("firstResponse").DueAt!.Value;

        Assert.Equal(new LocalDateTime(2026, 3, 9, 10, 0), due.InZone(Pacific).LocalDateTime);
        Assert.Equal(Duration.FromHours(71), due - At("2026-03-06T18:00:00Z"));
    }

    [Fact]
    public void Resolution_Priority2BeforeThanksgiving_TwoBusinessDaysIsTheFollowingTuesday()
    {
        // "resolve the Priority 2 problem within two (2) business days": Wed 25 10:00 PST, skipping Thu 26, Fri 27
        // and the weekend, counts Mon 30 and Tue 1.
        var state = Case(Lumedx, "2", "2026-11-25T18:00:00Z").StateAt("2026-11-25T18:00:00Z");

        Assert.Equal(At("2026-12-01T18:00:00Z"), state.Target("resolution").DueAt);
    }

    [Fact]
    public void Targets_Priority1_NoResolutionPromiseAndTheFollowUpClockIsInternal()
    {
        // "work continuously, 24 hours a day, until the Priority 1 problem is resolved": effort, not a time. The 48 h
        // follow-up clock only carries the 2-hourly reminders, and "prompt response" has no figure, so both the clock
        // and the chosen hour are internal, never a customer promise. The 15-minute notice is the seed's own.
        var targets = Case(Lumedx, "1", Opened).StateAt(Opened).Targets;

        Assert.DoesNotContain(targets, t => t.Name == "resolution");
        Assert.True(targets.Single(t => t.Name == "followUpCalls").Target.Internal);
        Assert.True(targets.Single(t => t.Name == "firstResponse").Target.Internal);
        Assert.False(targets.Single(t => t.Name == "accountManagement").Target.Internal);
    }

    [Fact]
    public void AccountManagement_Priority1InternalNoteAfter10Minutes_Met()
    {
        // "Account management will be notified of the Priority 1 problem within fifteen (15) minutes of LUMEDX's
        // confirmation": the agent records the call as an internal note.
        var state = Case(Lumedx, "1", Opened, InternalNote("2026-03-10T17:10:00Z")).StateAt("2026-03-10T17:20:00Z");

        var target = state.Target("accountManagement");
        Assert.Equal(TargetState.Met, target.State);
        Assert.Equal(At(Opened), target.StartedAt);
        Assert.Equal(At("2026-03-10T17:15:00Z"), target.DueAt);
        Assert.Equal(At("2026-03-10T17:10:00Z"), target.MetAt);
    }

    [Fact]
    public void AccountManagement_Priority1NoNote_BreachedAt15MinutesWithWarningAt10()
    {
        var clock = Case(Lumedx, "1", Opened);

        var target = clock.StateAt("2026-03-10T17:30:00Z").Target("accountManagement");
        var warning = Assert.Single(clock.Points("account-management-warning", "2026-03-10T17:30:00Z", Opened, "2026-03-10T18:00:00Z"));
        var missed = Assert.Single(clock.Points("account-management-missed", "2026-03-10T17:30:00Z", Opened, "2026-03-10T18:00:00Z"));

        Assert.Equal(TargetState.Breached, target.State);
        Assert.Equal(At("2026-03-10T17:15:00Z"), target.BreachedAt);
        Assert.Equal(At("2026-03-10T17:10:00Z"), warning.At);
        Assert.Equal(At("2026-03-10T17:15:00Z"), missed.At);
        Assert.Equal(["assignee", "supportManagement"], missed.Told());
    }

    [Fact]
    public void AccountManagement_PublicReplyOnly_DoesNotMeetIt()
    {
        // Answering the customer is not notifying account management.
        var target = Case(Lumedx, "1", Opened, Reply("2026-03-10T17:05:00Z")).StateAt("2026-03-10T17:30:00Z").Target("accountManagement");

        Assert.Equal(TargetState.Breached, target.State);
        Assert.Equal(At("2026-03-10T17:15:00Z"), target.BreachedAt);
    }

    [Fact]
    public void AccountManagement_RaisedFromPriority2_FifteenMinutesFromTheRaise()
    {
        // The Priority 1 is "confirmed" when the case is raised to it, three hours after opening.
        var state = Case(Lumedx, "2", Opened, SeverityTo("2026-03-10T20:00:00Z", "1")).StateAt("2026-03-10T20:05:00Z");

        var target = state.Target("accountManagement");
        Assert.Equal(TargetState.Running, target.State);
        Assert.Equal(At("2026-03-10T20:00:00Z"), target.StartedAt);
        Assert.Equal(At("2026-03-10T20:15:00Z"), target.DueAt);
    }

    [Fact]
    public void AccountManagement_NoteWrittenWhileStillPriority2_DoesNotCount()
    {
        var clock = Case(Lumedx, "2", Opened, InternalNote("2026-03-10T18:00:00Z"), SeverityTo("2026-03-10T20:00:00Z", "p1"));

        var target = clock.StateAt("2026-03-10T20:30:00Z").Target("accountManagement");

        Assert.Equal(TargetState.Breached, target.State);
        Assert.Equal(At("2026-03-10T20:15:00Z"), target.BreachedAt);
    }

    [Fact]
    public void AccountManagement_Priority2_HasNoSuchTarget()
    {
        var state = Case(Lumedx, "2", Opened).StateAt(Opened);

        Assert.DoesNotContain(state.Targets, t => t.Name == "accountManagement");
    }

    [Fact]
    public void FollowUpCalls_Priority1Unresolved_EveryTwoHours()
    {
        // "Account Management will make follow-up calls to you every two (2) hours until the Priority 1 problem is resolved."
        var clock = Case(Lumedx, "1", Opened, Reply("2026-03-10T17:30:00Z"));

        var calls = clock.Points("p1-follow-up-calls", "2026-03-10T17:30:00Z", Opened, "2026-03-11T03:00:00Z");

        Assert.Equal(
            ["2026-03-10T19:00:00Z", "2026-03-10T21:00:00Z", "2026-03-10T23:00:00Z", "2026-03-11T01:00:00Z", "2026-03-11T03:00:00Z"],
            calls.Instants());
        Assert.All(calls, c => Assert.Equal(["accountManager"], c.Told()));
        Assert.Equal([0, 1, 2, 3, 4], calls.Select(c => c.Occurrence));
    }

    [Fact]
    public void FollowUpCalls_Priority1PastTheResolutionGoal_KeepComingUntilResolved()
    {
        // The internal 48-hour goal is not the end of the calls; only resolving the problem is.
        var calls = Case(Lumedx, "1", Opened).Points("p1-follow-up-calls", "2026-03-12T16:00:00Z", "2026-03-12T16:00:00Z", "2026-03-12T22:00:00Z");

        Assert.Equal(["2026-03-12T17:00:00Z", "2026-03-12T19:00:00Z", "2026-03-12T21:00:00Z"], calls.Instants());
    }

    [Fact]
    public void FollowUpCalls_SolvedAt2330_NoneAfterSolving()
    {
        var clock = Case(Lumedx, "1", Opened, Reply("2026-03-10T17:30:00Z"), Status("2026-03-10T23:30:00Z", CaseStatus.Solved));

        var calls = clock.Points("p1-follow-up-calls", "2026-03-11T00:00:00Z", Opened, "2026-03-12T00:00:00Z");

        Assert.Equal(["2026-03-10T19:00:00Z", "2026-03-10T21:00:00Z", "2026-03-10T23:00:00Z"], calls.Instants());
    }

    [Fact]
    public void FollowUpCalls_WhileWaitingOnTheCustomer_KeepComing()
    {
        // "every two (2) hours until the Priority 1 problem is resolved": waiting on the customer resolves nothing, so
        // the calls to the customer go on (18:00-23:30 pending).
        var clock = Case(Lumedx, "1", Opened,
            Reply("2026-03-10T17:30:00Z"),
            Status("2026-03-10T18:00:00Z", CaseStatus.Pending),
            CustomerReply("2026-03-10T23:30:00Z"),
            Status("2026-03-10T23:30:00Z", CaseStatus.Open));

        var calls = clock.Points("p1-follow-up-calls", "2026-03-10T23:30:00Z", Opened, "2026-03-11T01:00:00Z");

        Assert.Equal(["2026-03-10T19:00:00Z", "2026-03-10T21:00:00Z", "2026-03-10T23:00:00Z", "2026-03-11T01:00:00Z"], calls.Instants());
    }

    [Fact]
    public void FollowUpCalls_RaisedFromPriority2_EveryTwoHoursFromTheRaise()
    {
        // The calls are a Priority 1 duty: they begin with the Priority 1 (the raise at 20:00, when account management
        // is notified), not with the opening three hours earlier, and none falls while the case was still Priority 2.
        var clock = Case(Lumedx, "2", Opened, SeverityTo("2026-03-10T20:00:00Z", "1"));

        var calls = clock.Points("p1-follow-up-calls", "2026-03-10T20:00:00Z", Opened, "2026-03-11T02:00:00Z");

        Assert.Equal(["2026-03-10T22:00:00Z", "2026-03-11T00:00:00Z", "2026-03-11T02:00:00Z"], calls.Instants());
    }

    [Fact]
    public void Update_Priority2WithinTheFirst24Hours_NotStartedEvenAfterAReply()
    {
        // "update you once a day (following the initial 24-hour period)": Tuesday's reply does not start the cadence.
        var update = Case(Lumedx, "2", Opened, Reply("2026-03-10T18:00:00Z")).StateAt("2026-03-11T12:00:00Z").Target("update");

        Assert.Equal(TargetState.NotStarted, update.State);
        Assert.Null(update.DueAt);
    }

    [Fact]
    public void Update_Priority2After24Hours_DueDailyFromThen()
    {
        var update = Case(Lumedx, "2", Opened, Reply("2026-03-10T18:00:00Z")).StateAt("2026-03-11T18:00:00Z").Target("update");

        Assert.Equal(TargetState.Running, update.State);
        Assert.Equal(At("2026-03-11T17:00:00Z"), update.StartedAt);
        Assert.Equal(At("2026-03-12T17:00:00Z"), update.DueAt);
    }

    [Fact]
    public void Update_Priority2DailyUpdateGiven_NextDueADayAfterIt()
    {
        var update = Case(Lumedx, "2", Opened, Reply("2026-03-12T10:00:00Z")).StateAt("2026-03-12T11:00:00Z").Target("update");

        Assert.Equal(At("2026-03-12T10:00:00Z"), update.StartedAt);
        Assert.Equal(At("2026-03-13T10:00:00Z"), update.DueAt);
    }

    [Fact]
    public void Update_Priority2NoUpdate_AccountManagerToldAt48Hours()
    {
        // The cadence begins at 24 hours (Wed 17:00Z) and the first daily update is due a day later.
        var missed = Assert.Single(Case(Lumedx, "2", Opened).Points("p2-update-missed", "2026-03-12T20:00:00Z", Opened, "2026-03-12T20:00:00Z"));

        Assert.Equal(At("2026-03-12T17:00:00Z"), missed.At);
        Assert.Equal(["accountManager"], missed.Told());
    }

    [Fact]
    public void Update_Priority2ForecastAtOpening_ShowsTheUpdateMissedAt48Hours()
    {
        // EscalationsBetween lists "points to come if nothing else happens". Nothing has to happen for this cadence
        // to begin: it starts by itself 24 hours after opening, so its first miss is already foreseeable.
        var missed = Assert.Single(Case(Lumedx, "2", Opened).Points("p2-update-missed", Opened, Opened, "2026-03-12T20:00:00Z"));

        Assert.Equal(At("2026-03-12T17:00:00Z"), missed.At);
    }

    [Fact]
    public void AccountManagerHandoff_Priority2Unresolved_AccountManagerToldAt24Hours()
    {
        // "escalated to LUMEDX's Account Manager if the problem is not resolved within twenty-four (24) hours"
        var clock = Case(Lumedx, "2", Opened, Reply("2026-03-10T18:00:00Z"));

        var handoff = clock.StateAt("2026-03-11T18:00:00Z").Target("accountManagerHandoff");
        var point = Assert.Single(clock.Points("p2-account-manager", "2026-03-11T18:00:00Z", Opened, "2026-03-12T00:00:00Z"));

        Assert.Equal(TargetState.Breached, handoff.State);
        Assert.Equal(At("2026-03-11T17:00:00Z"), handoff.BreachedAt);
        Assert.Equal(At("2026-03-11T17:00:00Z"), point.At);
        Assert.Equal(["accountManager"], point.Told());
    }

    [Fact]
    public void AccountManagerHandoff_Priority2SolvedNextMorning_MetAndNoHandoff()
    {
        var clock = Case(Lumedx, "2", Opened, Reply("2026-03-10T18:00:00Z"), Status("2026-03-11T10:00:00Z", CaseStatus.Solved));

        var handoff = clock.StateAt("2026-03-11T18:00:00Z").Target("accountManagerHandoff");

        Assert.Equal(TargetState.Met, handoff.State);
        Assert.Equal(At("2026-03-11T10:00:00Z"), handoff.MetAt);
        Assert.Empty(clock.Points("p2-account-manager", "2026-03-11T18:00:00Z", Opened, "2026-03-12T00:00:00Z"));
    }

    [Fact]
    public void Priority1_OpenedOrRaised_AccountManagerAndOnCallToldAtOnce()
    {
        var clock = Case(Lumedx, "3", Opened, SeverityTo("2026-03-10T20:00:00Z", "1"));

        var notified = Assert.Single(clock.Points("p1-notify-account-management", "2026-03-10T20:00:00Z", Opened, "2026-03-10T21:00:00Z"));
        var paged = Assert.Single(clock.Points("p1-page-on-call", "2026-03-10T20:00:00Z", Opened, "2026-03-10T21:00:00Z"));

        Assert.Equal(At("2026-03-10T20:00:00Z"), notified.At);
        Assert.Equal(["accountManager"], notified.Told());
        Assert.Equal(At("2026-03-10T20:00:00Z"), paged.At);
        Assert.Equal(["onCall"], paged.Told());
    }

    [Theory]
    [InlineData("2026-01-01")] // New Year's Day
    [InlineData("2026-05-25")] // Memorial Day
    [InlineData("2026-07-03")] // Independence Day observed
    [InlineData("2026-09-07")] // Labor Day
    [InlineData("2026-11-26")] // Thanksgiving Day
    [InlineData("2026-11-27")] // Day after Thanksgiving
    [InlineData("2026-12-25")] // Christmas Day
    [InlineData("2027-01-01")] // New Year's Day
    [InlineData("2027-12-31")] // New Year's Day 2028 observed, the last date in the file
    public void Holidays_FromTheIcsFile_CloseTheBusinessDay(string holiday)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(holiday).Value;

        Assert.Empty(Lumedx.Calendars["business"].HoursOn(date));
        Assert.NotEmpty(Lumedx.Calendars["business"].HoursOn(date.PlusDays(-14))); // the same weekday two weeks before is open
    }
}
