using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>update: a cadence that starts at the first public agent reply (or <c>startAfter</c>), restarts at each
/// later reply, pauses while pending, and stops when solved or on a <c>stopOn</c> milestone (spec: Targets).</summary>
public sealed partial class CaseClockTests
{
    // Severity 2 owes an update every 4h of support time.
    [Fact]
    public void Update_NoReplyYet_NotStarted()
    {
        var view = View(Case(Standard, "2", MondayNine), "2026-03-02T12:00:00Z", Target.UpdateName);

        Assert.Equal(new TargetView(TargetState.NotStarted, null, null, null, null, null, null), view);
    }

    [Theory]
    [InlineData("2026-03-02T11:00:00Z", TargetState.Running, "2026-03-02T10:00:00Z", "2026-03-02T14:00:00Z", null, "3h")] // reply 10:00 + 4h
    [InlineData("2026-03-02T13:00:00Z", TargetState.Running, "2026-03-02T12:00:00Z", "2026-03-02T16:00:00Z", null, "3h")] // reply 12:00 restarts it
    [InlineData("2026-03-02T17:00:00Z", TargetState.Running, "2026-03-02T15:00:00Z", "2026-03-03T11:00:00Z", null, "2h")] // reply 15:00: 2h Mon + 2h Tue
    [InlineData("2026-03-03T11:00:00Z", TargetState.Running, "2026-03-02T15:00:00Z", "2026-03-03T11:00:00Z", null, "0s")] // due exactly at asOf has not passed yet
    [InlineData("2026-03-03T11:01:00Z", TargetState.Breached, "2026-03-02T15:00:00Z", "2026-03-03T11:00:00Z", "2026-03-03T11:00:00Z", null)] // no update in time
    public void Update_EachReply_RestartsTheCadence(string asOf, TargetState state, string started, string due, string? breachedAt, string? remaining)
    {
        var clock = Case(Standard, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), Reply("2026-03-02T12:00:00Z"), Reply("2026-03-02T15:00:00Z"));

        Assert.Equal(new TargetView(state, At(started), At(due), null, At(breachedAt), Left(remaining), null), View(clock, asOf, Target.UpdateName));
    }

    [Fact]
    public void Update_NoLaterReply_BreachedAtDue()
    {
        var clock = Case(Standard, "2", MondayNine, Reply("2026-03-02T10:00:00Z"));

        Assert.Equal(
            new TargetView(TargetState.Breached, At("2026-03-02T10:00:00Z"), At("2026-03-02T14:00:00Z"), null, At("2026-03-02T14:00:00Z"), null, null),
            View(clock, "2026-03-02T15:00:00Z", Target.UpdateName));
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", TargetState.Paused, null, "2026-03-02T11:00:00Z")] // waiting on the customer
    [InlineData("2026-03-02T13:30:00Z", TargetState.Running, "2026-03-02T16:00:00Z", null)] // 1h used before, 3h from 13:00
    public void Update_Pending_PausesTheCadence(string asOf, TargetState state, string? due, string? pausedSince)
    {
        var clock = Case(Standard, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), Pending("2026-03-02T11:00:00Z"), Open("2026-03-02T13:00:00Z"));

        var view = View(clock, asOf, Target.UpdateName);

        Assert.Equal(state, view.State);
        Assert.Equal(At(due), view.DueAt);
        Assert.Equal(At(pausedSince), view.PausedSince);
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", TargetState.Stopped, null)] // solved before the update was due: nothing more owed
    [InlineData("2026-03-02T15:00:00Z", TargetState.Breached, "2026-03-02T14:00:00Z")] // the 14:00 update was already missed
    public void Update_Solved_StoppedUnlessAlreadyMissed(string solved, TargetState state, string? breachedAt)
    {
        var clock = Case(Standard, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), Solved(solved));

        var view = View(clock, "2026-03-03T12:00:00Z", Target.UpdateName);

        Assert.Equal(state, view.State);
        Assert.Equal(At(breachedAt), view.BreachedAt);
        Assert.Null(view.MetAt);
    }

    [Theory]
    [InlineData("2026-03-02T09:30:00Z", TargetState.NotStarted, null, null)] // startAfter 1h: nothing owed yet
    [InlineData("2026-03-02T10:30:00Z", TargetState.Running, "2026-03-02T10:00:00Z", "2026-03-02T14:00:00Z")] // started an hour after opening
    public void Update_StartAfter_BeginsWithoutAReply(string asOf, TargetState state, string? started, string? due)
    {
        var policy = Policy(Severity("2", null, Update("4h", startAfter: "1h")));

        var view = View(Case(policy, "2", MondayNine), asOf, Target.UpdateName);

        Assert.Equal(state, view.State);
        Assert.Equal(At(started), view.StartedAt);
        Assert.Equal(At(due), view.DueAt);
    }

    [Fact]
    public void Update_StartAfterThenReply_ReplyRestarts()
    {
        var policy = Policy(Severity("2", null, Update("4h", startAfter: "1h")));
        var clock = Case(policy, "2", "2026-03-02T16:30:00Z", Reply("2026-03-03T11:00:00Z"));

        // startAfter 1h from Monday 16:30 is Tuesday 09:30; the reply at 11:00 restarts it: due 15:00.
        Assert.Equal(At("2026-03-03T09:30:00Z"), TargetOf(clock, "2026-03-03T10:00:00Z", Target.UpdateName).StartedAt);
        Assert.Equal(At("2026-03-03T15:00:00Z"), TargetOf(clock, "2026-03-03T12:00:00Z", Target.UpdateName).DueAt);
    }

    [Theory]
    [InlineData(Milestone.Eta)] // an ETA for the fix was given
    [InlineData(Milestone.Workaround)] // a workaround was given (on a severity that a workaround does not lower)
    public void Update_StopOnMilestone_StopsForGood(Milestone milestone)
    {
        var policy = Policy(Severity("2", null, Update("4h", stopOn: milestone)));
        var given = milestone == Milestone.Eta ? Eta("2026-03-02T11:00:00Z") : Workaround("2026-03-02T11:00:00Z");
        var clock = Case(policy, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), given, Reply("2026-03-02T13:00:00Z"));

        Assert.Equal(TargetState.Running, TargetOf(clock, "2026-03-02T10:30:00Z", Target.UpdateName).State);
        Assert.Equal(TargetState.Stopped, TargetOf(clock, "2026-03-02T12:00:00Z", Target.UpdateName).State);
        Assert.Equal(TargetState.Stopped, TargetOf(clock, "2026-03-03T12:00:00Z", Target.UpdateName).State);
    }

    [Fact]
    public void Update_StopOnEtaButWorkaroundGiven_KeepsRunning()
    {
        var policy = Policy(Severity("2", null, Update("4h", stopOn: Milestone.Eta)));
        var clock = Case(policy, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), Workaround("2026-03-02T11:00:00Z"));

        Assert.Equal(TargetState.Running, TargetOf(clock, "2026-03-02T12:00:00Z", Target.UpdateName).State);
    }
}
