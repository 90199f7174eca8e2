using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>resolution: starts at opening, met when solved, paused while the case waits on the customer; reopening
/// resumes the same clock (spec: Targets).</summary>
public sealed partial class CaseClockTests
{
    // Severity 2 resolves within 8h: opened Monday 09:00, due Monday 17:00 without pauses. Pending from Monday 16:00
    // to Tuesday 10:00 pauses 1h of Monday and 1h of Tuesday, leaving 1h from Tuesday 10:00: due Tuesday 11:00.
    [Theory]
    [InlineData("2026-03-02T15:00:00Z", TargetState.Running, null, "2026-03-02T17:00:00Z", null, "2h")] // before the pause
    [InlineData("2026-03-02T16:30:00Z", TargetState.Paused, "2026-03-02T16:00:00Z", null, null, null)] // pending, before closing
    [InlineData("2026-03-02T18:00:00Z", TargetState.Paused, "2026-03-02T16:00:00Z", null, null, null)] // pending, after closing
    [InlineData("2026-03-03T10:30:00Z", TargetState.Running, null, "2026-03-03T11:00:00Z", null, "30m")] // resumed: 1h less 30 min
    [InlineData("2026-03-03T11:30:00Z", TargetState.Breached, null, "2026-03-03T11:00:00Z", "2026-03-03T11:00:00Z", null)] // past the moved due
    public void Resolution_PendingAcrossClosing_PausedOpenTimeDoesNotCount(string asOf, TargetState state, string? pausedSince, string? due, string? breachedAt, string? remaining)
    {
        var clock = Case(Standard, "2", MondayNine, Pending("2026-03-02T16:00:00Z"), Open("2026-03-03T10:00:00Z"));

        Assert.Equal(
            new TargetView(state, At(MondayNine), At(due), null, At(breachedAt), Left(remaining), At(pausedSince)),
            View(clock, asOf, Target.ResolutionName));
    }

    [Theory]
    [InlineData("2026-03-03T10:45:00Z", TargetState.Met, null)] // solved 15 min before the moved due
    [InlineData("2026-03-03T11:00:00Z", TargetState.Met, null)] // solved exactly at it
    [InlineData("2026-03-03T11:30:00Z", TargetState.Breached, "2026-03-03T11:00:00Z")] // solved late
    public void Resolution_SolvedAfterPause_MetOrBreached(string solved, TargetState state, string? breachedAt)
    {
        var clock = Case(Standard, "2", MondayNine, Pending("2026-03-02T16:00:00Z"), Open("2026-03-03T10:00:00Z"), Solved(solved));

        Assert.Equal(
            new TargetView(state, At(MondayNine), At("2026-03-03T11:00:00Z"), At(solved), At(breachedAt), null, null),
            View(clock, "2026-03-03T12:00:00Z", Target.ResolutionName));
    }

    [Fact]
    public void Resolution_PendingOnlyOutsideHours_DueUnchanged()
    {
        // Severity 3, 16h: due Tuesday 17:00. Pending Monday 18:00 to Tuesday 08:00 covers no open time.
        var clock = Case(Standard, "3", MondayNine, Pending("2026-03-02T18:00:00Z"), Open("2026-03-03T08:00:00Z"));

        Assert.Equal(At("2026-03-03T17:00:00Z"), TargetOf(clock, "2026-03-03T12:00:00Z", Target.ResolutionName).DueAt);
    }

    [Fact]
    public void Resolution_OnHoldNotListed_KeepsRunning()
    {
        // The standard policy pauses on pending only.
        var clock = Case(Standard, "2", MondayNine, Status("2026-03-02T12:00:00Z", CaseStatus.OnHold), Open("2026-03-02T14:00:00Z"));

        Assert.Equal(TargetState.Running, TargetOf(clock, "2026-03-02T13:00:00Z", Target.ResolutionName).State);
        Assert.Equal(At("2026-03-02T17:00:00Z"), TargetOf(clock, "2026-03-02T15:00:00Z", Target.ResolutionName).DueAt);
    }

    [Fact]
    public void Resolution_OnHoldListed_Pauses()
    {
        // On hold 12:00-14:00 pauses 2h: 3h used by 12:00, 3h from 14:00 to closing, 2h Tuesday: due Tuesday 11:00.
        var policy = Standard with { PauseOn = new HashSet<CaseStatus> { CaseStatus.Pending, CaseStatus.OnHold } };
        var clock = Case(policy, "2", MondayNine, Status("2026-03-02T12:00:00Z", CaseStatus.OnHold), Open("2026-03-02T14:00:00Z"));

        Assert.Equal(
            new TargetView(TargetState.Paused, At(MondayNine), null, null, null, null, At("2026-03-02T12:00:00Z")),
            View(clock, "2026-03-02T13:00:00Z", Target.ResolutionName));
        Assert.Equal(At("2026-03-03T11:00:00Z"), TargetOf(clock, "2026-03-02T15:00:00Z", Target.ResolutionName).DueAt);
    }

    [Theory]
    [InlineData("2026-03-02T13:00:00Z", TargetState.Met, "2026-03-02T17:00:00Z", "2026-03-02T12:00:00Z", null)] // solved at 12:00: met
    [InlineData("2026-03-03T11:00:00Z", TargetState.Running, "2026-03-03T15:00:00Z", null, "4h")] // reopened Tue 10:00 with 5h left
    [InlineData("2026-03-03T16:00:00Z", TargetState.Met, "2026-03-03T15:00:00Z", "2026-03-03T14:00:00Z", null)] // solved again at 14:00
    public void Resolution_Reopened_ResumesTheSameClock(string asOf, TargetState state, string due, string? metAt, string? remaining)
    {
        // Severity 2, 8h: 3h used when solved Monday 12:00; the solved spell until Tuesday 10:00 does not count.
        var clock = Case(Standard, "2", MondayNine, Solved("2026-03-02T12:00:00Z"), Open("2026-03-03T10:00:00Z"), Solved("2026-03-03T14:00:00Z"));

        Assert.Equal(new TargetView(state, At(MondayNine), At(due), At(metAt), null, Left(remaining), null), View(clock, asOf, Target.ResolutionName));
    }

    [Fact]
    public void Resolution_Closed_Met()
    {
        var clock = Case(Standard, "2", MondayNine, Status("2026-03-02T12:00:00Z", CaseStatus.Closed));

        Assert.Equal(
            new TargetView(TargetState.Met, At(MondayNine), At("2026-03-02T17:00:00Z"), At("2026-03-02T12:00:00Z"), null, null, null),
            View(clock, "2026-03-02T13:00:00Z", Target.ResolutionName));
    }

    [Fact]
    public void Resolution_PendingAfterDue_StaysBreachedAtDue()
    {
        var clock = Case(Standard, "2", MondayNine, Pending("2026-03-02T18:00:00Z"));

        Assert.Equal(
            new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T17:00:00Z"), null, At("2026-03-02T17:00:00Z"), null, null),
            View(clock, "2026-03-03T10:00:00Z", Target.ResolutionName));
    }

    [Theory]
    [InlineData("2026-03-02T16:00:00Z", TargetState.Breached)] // 7h goal used up exactly as the pause begins: due 16:00, breached
    [InlineData("2026-03-02T15:59:00Z", TargetState.Paused)] // a minute earlier: one minute is left, so paused
    public void Resolution_PauseBeginsAtDue_BreachedAtDue(string pending, TargetState state)
    {
        var policy = Policy(Severity("x", null, Resolution("7h")));
        var clock = Case(policy, "x", MondayNine, Pending(pending));

        var status = TargetOf(clock, "2026-03-03T10:00:00Z", Target.ResolutionName);

        Assert.Equal(state, status.State);
        Assert.Equal(state == TargetState.Breached ? At("2026-03-02T16:00:00Z") : null, status.BreachedAt);
    }
}
