using NodaTime;
using SlaFunctions.Engine.Clocks;
using Xunit;
using static SlaFunctions.Policies.Tests.Seeds.SeedPolicies;

namespace SlaFunctions.Policies.Tests.Seeds;

/// <summary>policies/liveops.yaml against the LiveOps "Support Plus" matrix: acknowledgement "Within 1 / 4 / 8 hours
/// after case opened" (24x7), updates "ETA or every 4 Hours / 48 hrs / 120 hours", and "Elevate to Level 2 if no
/// ETA/workaround w/in 8 hours".</summary>
public sealed class LiveOpsPolicyTests
{
    // America/New_York springs forward on 2026-03-08 (07:00Z) and falls back on 2026-11-01 (06:00Z). LiveOps is 24x7
    // on plain elapsed time, so neither moves a due instant.
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private const string Opened = "2026-03-10T10:00:00Z"; // a Tuesday

    [Theory]
    [InlineData("1", "2026-03-07T23:30:00Z", "2026-03-08T00:30:00Z")] // Saturday night: "First Level Contact: 24X7"
    [InlineData("2", "2026-03-07T23:30:00Z", "2026-03-08T03:30:00Z")] // 4 h through the night
    [InlineData("3", "2026-03-07T23:30:00Z", "2026-03-08T07:30:00Z")] // 8 h, across the US spring-forward at 07:00Z
    [InlineData("3", "2026-10-31T23:00:00Z", "2026-11-01T07:00:00Z")] // 8 h, across the US fall-back at 06:00Z
    [InlineData("1", "2026-12-25T09:00:00Z", "2026-12-25T10:00:00Z")] // Christmas Day: 24x7 has no holidays
    [InlineData("2", Opened, "2026-03-10T14:00:00Z")] // an ordinary Tuesday
    public void FirstResponse_EachPriority_DueThatManyHoursAfterOpening(string severity, string openedAt, string due)
    {
        var state = Case(LiveOps, severity, openedAt).StateAt(openedAt);

        Assert.Equal(At(due), state.Target("firstResponse").DueAt);
    }

    [Fact]
    public void FirstResponse_LowOpenedBeforeSpringForward_EightRealHoursNotEightWallClockHours()
    {
        // 18:30 EST Saturday to 03:30 EDT Sunday is nine hours on the wall clock but eight real hours.
        var state = Case(LiveOps, "3", "2026-03-07T23:30:00Z").StateAt("2026-03-07T23:30:00Z");
        var due = state.Target("firstResponse").DueAt!.Value;

        Assert.Equal(new LocalDateTime(2026, 3, 8, 3, 30), due.InZone(NewYork).LocalDateTime);
    }

    [Fact]
    public void EtaOrWorkaround_HighWithNeither_ElevatedToLevel2AtEightHours()
    {
        // "Elevate to Level 2 if no ETA/workaround w/in 8 hours": the reply acknowledges, but gives neither.
        var clock = Case(LiveOps, "2", Opened, Reply("2026-03-10T11:00:00Z"));

        var target = clock.StateAt("2026-03-10T19:00:00Z").Target("etaOrWorkaround");
        var warning = Assert.Single(clock.Points("high-eta-warning", "2026-03-10T19:00:00Z", Opened, "2026-03-11T10:00:00Z"));
        var elevation = Assert.Single(clock.Points("high-elevate-to-level-2", "2026-03-10T19:00:00Z", Opened, "2026-03-11T10:00:00Z"));

        Assert.Equal(TargetState.Breached, target.State);
        Assert.Equal(At("2026-03-10T18:00:00Z"), target.BreachedAt);
        Assert.Equal(At("2026-03-10T16:00:00Z"), warning.At); // 6 of the 8 hours
        Assert.Equal(["assignee"], warning.Told());
        Assert.Equal(At("2026-03-10T18:00:00Z"), elevation.At);
        Assert.Equal(["supportManagement"], elevation.Told()); // Level 2
    }

    [Fact]
    public void EtaOrWorkaround_HighWithEtaAtFiveHours_MetAndNeverElevated()
    {
        var clock = Case(LiveOps, "2", Opened, Reply("2026-03-10T11:00:00Z"), Eta("2026-03-10T15:00:00Z"));

        var target = clock.StateAt("2026-03-10T19:00:00Z").Target("etaOrWorkaround");

        Assert.Equal(TargetState.Met, target.State);
        Assert.Equal(At("2026-03-10T15:00:00Z"), target.MetAt);
        Assert.Equal(At("2026-03-10T18:00:00Z"), target.DueAt);
        Assert.Empty(clock.Points("high-eta-warning", "2026-03-10T19:00:00Z", Opened, "2026-03-11T10:00:00Z"));
        Assert.Empty(clock.Points("high-elevate-to-level-2", "2026-03-10T19:00:00Z", Opened, "2026-03-11T10:00:00Z"));
    }

    [Fact]
    public void EtaOrWorkaround_HighWithWorkaroundAfterTheWarning_MetWithoutElevation()
    {
        var clock = Case(LiveOps, "2", Opened, Reply("2026-03-10T11:00:00Z"), Workaround("2026-03-10T17:00:00Z"));

        var target = clock.StateAt("2026-03-10T19:00:00Z").Target("etaOrWorkaround");

        Assert.Equal(TargetState.Met, target.State);
        Assert.Equal(At("2026-03-10T17:00:00Z"), target.MetAt);
        Assert.Equal(["2026-03-10T16:00:00Z"], clock.Points("high-eta-warning", "2026-03-10T19:00:00Z", Opened, "2026-03-11T10:00:00Z").Instants());
        Assert.Empty(clock.Points("high-elevate-to-level-2", "2026-03-10T19:00:00Z", Opened, "2026-03-11T10:00:00Z"));
    }

    [Theory]
    [InlineData("1")] // "Elevate immediately to Level 2"
    [InlineData("3")] // "Upgrade priority upon request only"
    public void EtaOrWorkaround_CriticalAndLow_HaveNoEightHourElevation(string severity)
    {
        var state = Case(LiveOps, severity, Opened).StateAt(Opened);

        Assert.DoesNotContain(state.Targets, t => t.Name == "etaOrWorkaround");
    }

    [Fact]
    public void CriticalElevation_OpenedAtPriority1_Level2ToldAtOnce()
    {
        // "Priority 1 | Elevate immediately to Level 2"
        var point = Assert.Single(Case(LiveOps, "1", Opened).Points("critical-elevate-to-level-2", Opened, JustBefore(Opened), Opened));

        Assert.Equal(At(Opened), point.At);
        Assert.Equal(["supportManagement", "onCall"], point.Told());
    }

    [Theory]
    [InlineData("1", "2026-03-10T14:30:00Z")] // "ETA or every 4 Hours"
    [InlineData("2", "2026-03-12T10:30:00Z")] // "ETA or every 48 hrs": Thursday, same time
    [InlineData("3", "2026-03-15T10:30:00Z")] // "ETA or every 120 hours": five days on, Sunday included
    public void Update_AfterTheAcknowledgement_DueEveryCadence(string severity, string due)
    {
        // "updates will be communicated every N hours after initial response until an ETA or fix is available"
        var state = Case(LiveOps, severity, Opened, Reply("2026-03-10T10:30:00Z")).StateAt("2026-03-10T11:00:00Z");

        var update = state.Target("update");
        Assert.Equal(TargetState.Running, update.State);
        Assert.Equal(At("2026-03-10T10:30:00Z"), update.StartedAt);
        Assert.Equal(At(due), update.DueAt);
    }

    [Fact]
    public void Update_CriticalBeforeTheFirstReply_NotStarted()
    {
        var update = Case(LiveOps, "1", Opened).StateAt("2026-03-10T10:30:00Z").Target("update");

        Assert.Equal(TargetState.NotStarted, update.State);
        Assert.Null(update.DueAt);
    }

    [Fact]
    public void Update_CriticalLaterUpdate_RestartsTheFourHours()
    {
        var state = Case(LiveOps, "1", Opened, Reply("2026-03-10T10:30:00Z"), Reply("2026-03-10T13:00:00Z")).StateAt("2026-03-10T13:30:00Z");

        Assert.Equal(At("2026-03-10T17:00:00Z"), state.Target("update").DueAt);
    }

    [Fact]
    public void Update_CriticalEtaGiven_CadenceStopsForGood()
    {
        // "ETA or every 4 Hours": once the ETA is given no more 4-hourly updates are owed.
        var clock = Case(LiveOps, "1", Opened, Reply("2026-03-10T10:30:00Z"), Eta("2026-03-10T12:00:00Z"), Reply("2026-03-10T13:00:00Z"));

        var update = clock.StateAt("2026-03-10T20:00:00Z").Target("update");

        Assert.Equal(TargetState.Stopped, update.State);
        Assert.Null(update.DueAt);
        Assert.Empty(clock.Points("update-missed", "2026-03-10T20:00:00Z", "2026-03-10T12:00:00Z", "2026-03-12T00:00:00Z"));
        Assert.Empty(clock.Points("update-warning", "2026-03-10T20:00:00Z", "2026-03-10T12:00:00Z", "2026-03-12T00:00:00Z"));
    }

    [Fact]
    public void Update_CriticalWithoutEta_MissedUpdateGoesToManagement()
    {
        var clock = Case(LiveOps, "1", Opened, Reply("2026-03-10T10:30:00Z"));

        var warning = Assert.Single(clock.Points("update-warning", "2026-03-10T10:30:00Z", Opened, "2026-03-10T15:00:00Z"));
        var missed = Assert.Single(clock.Points("update-missed", "2026-03-10T10:30:00Z", Opened, "2026-03-10T15:00:00Z"));
        Assert.Equal(At("2026-03-10T13:30:00Z"), warning.At); // 3 of the 4 hours
        Assert.Equal(At("2026-03-10T14:30:00Z"), missed.At);
        Assert.Equal(["assignee", "supportManagement"], missed.Told());
    }

    [Fact]
    public void Update_HighWorkaroundWithoutEta_CadenceContinues()
    {
        // A workaround meets the Level 2 elevation, but only "an ETA or fix" ends the 48-hourly updates.
        var state = Case(LiveOps, "2", Opened, Reply("2026-03-10T10:30:00Z"), Workaround("2026-03-10T12:00:00Z")).StateAt("2026-03-10T13:00:00Z");

        Assert.Equal(TargetState.Met, state.Target("etaOrWorkaround").State);
        Assert.Equal(TargetState.Running, state.Target("update").State);
        Assert.Equal(At("2026-03-12T10:30:00Z"), state.Target("update").DueAt);
    }

    [Fact]
    public void Update_HighEtaGiven_StopsTheCadenceAndMeetsTheElevation()
    {
        var state = Case(LiveOps, "2", Opened, Reply("2026-03-10T10:30:00Z"), Eta("2026-03-10T12:00:00Z")).StateAt("2026-03-10T13:00:00Z");

        Assert.Equal(TargetState.Stopped, state.Target("update").State);
        Assert.Equal(TargetState.Met, state.Target("etaOrWorkaround").State);
    }

    [Theory]
    [InlineData("1", new[] { "firstResponse", "update" })]
    [InlineData("2", new[] { "firstResponse", "update", "etaOrWorkaround" })]
    [InlineData("3", new[] { "firstResponse", "update" })]
    public void Targets_EachPriority_NoResolutionTimeIsPromised(string severity, string[] targets)
    {
        // "It is understood that resolution time may vary depending on the priority and complexity of the issue"
        var state = Case(LiveOps, severity, Opened).StateAt(Opened);

        Assert.Equal(targets, state.Targets.Select(t => t.Name));
    }
}
