using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>Team targets (OLAs): each spell in which the target's group holds the case, from taking it to handing it on
/// or the case being solved, is a run with the group's own goal and calendar; it pauses while pending (README: How the
/// clocks count).</summary>
public sealed partial class CaseClockTests
{
    // Level 1 has 1h of 24x7 time, Level 2 4h of support time (09:00-17:00 UTC, Mon-Fri); opened Monday 09:00.
    private static readonly Policy TeamPolicy = Policy(Severity("2", null,
        FirstResponse("2h"), Team("levelOne", "Level 1", "1h", Engine.Calendars.BusinessCalendar.AlwaysOpen), Team("levelTwo", "Level 2", "4h")));

    [Fact]
    public void Team_GroupNeverTookTheCase_NotStarted()
    {
        var clock = Case(TeamPolicy, "2", MondayNine, Group("2026-03-02T09:10:00Z", "Level 1"));

        Assert.Equal(TargetState.NotStarted, View(clock, "2026-03-02T12:00:00Z", "levelTwo").State);
    }

    [Theory]
    [InlineData("2026-03-02T09:40:00Z", "levelOne", TargetState.Running, "2026-03-02T09:10:00Z", "2026-03-02T10:10:00Z", null)] // Level 1 took it at 09:10
    [InlineData("2026-03-02T12:00:00Z", "levelOne", TargetState.Met, "2026-03-02T09:10:00Z", "2026-03-02T10:10:00Z", "2026-03-02T10:00:00Z")] // handed on at 10:00, in time
    [InlineData("2026-03-02T12:00:00Z", "levelTwo", TargetState.Running, "2026-03-02T10:00:00Z", "2026-03-02T14:00:00Z", null)] // Level 2's own goal from 10:00
    [InlineData("2026-03-02T16:00:00Z", "levelTwo", TargetState.Breached, "2026-03-02T10:00:00Z", "2026-03-02T14:00:00Z", null)] // still with Level 2 after 14:00
    public void Team_HandedOn_EachGroupItsOwnClock(string asOf, string target, TargetState state, string started, string due, string? met)
    {
        var clock = Case(TeamPolicy, "2", MondayNine, Group("2026-03-02T09:10:00Z", "Level 1"), Group("2026-03-02T10:00:00Z", "level 2"));

        var view = View(clock, asOf, target);

        Assert.Equal((state, At(started), At(due), At(met)), (view.State, view.StartedAt, view.DueAt, view.MetAt));
    }

    [Fact]
    public void Team_TakesTheCaseAgain_NewRunFromThatMoment()
    {
        var clock = Case(TeamPolicy, "2", MondayNine,
            Group("2026-03-02T09:00:00Z", "Level 2"), Group("2026-03-02T10:00:00Z", "Level 1"), Group("2026-03-02T11:00:00Z", "Level 2"));

        var view = View(clock, "2026-03-02T12:00:00Z", "levelTwo");

        Assert.Equal((TargetState.Running, At("2026-03-02T11:00:00Z"), At("2026-03-02T15:00:00Z")), (view.State, view.StartedAt, view.DueAt));
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", TargetState.Met, "2026-03-02T12:00:00Z")] // solved while Level 2 held it: met at the solve
    [InlineData("2026-03-02T16:00:00Z", TargetState.Breached, "2026-03-02T16:00:00Z")] // solved after its 14:00 due: late
    public void Team_Solved_EndsTheSpell(string solved, TargetState state, string metAt)
    {
        var clock = Case(TeamPolicy, "2", MondayNine, Group("2026-03-02T10:00:00Z", "Level 2"), Solved(solved));

        var view = View(clock, "2026-03-03T12:00:00Z", "levelTwo");

        Assert.Equal((state, At(metAt)), (view.State, view.MetAt));
    }

    [Fact]
    public void Team_Pending_Paused()
    {
        var clock = Case(TeamPolicy, "2", MondayNine, Group("2026-03-02T10:00:00Z", "Level 2"), Pending("2026-03-02T11:00:00Z"), Open("2026-03-02T13:00:00Z"));

        var view = View(clock, "2026-03-02T14:00:00Z", "levelTwo");

        // 1h before the pending spell, 1h after: due at 13:00 + 3h.
        Assert.Equal((TargetState.Running, At("2026-03-02T16:00:00Z")), (view.State, view.DueAt));
    }
}
