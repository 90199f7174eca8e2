using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>Targets whose goal is <c>businessDays: N</c> rather than open time (spec: Durations).</summary>
public sealed partial class CaseClockTests
{
    // Resolution within 2 business days of the support calendar (09:00-17:00 UTC, Mon-Fri).
    private static readonly Policy TwoBusinessDays = Policy(
        Severity("4", null, Resolution("0m") with { Goal = Goal.InBusinessDays(2) }));

    [Theory]
    [InlineData("2026-03-02T10:00:00Z", "2026-03-04T10:00:00Z")] // Monday 10:00: Wednesday 10:00
    [InlineData("2026-03-05T10:00:00Z", "2026-03-09T10:00:00Z")] // Thursday: over the weekend to Monday
    [InlineData("2026-03-06T18:00:00Z", "2026-03-11T09:00:00Z")] // Friday after hours: Monday 09:00 first, then Wednesday 09:00
    public void Resolution_BusinessDays_SameWallClockTime(string opened, string due)
    {
        Assert.Equal(At(due), TargetOf(Case(TwoBusinessDays, "4", opened), opened, Target.ResolutionName).DueAt);
    }

    [Fact]
    public void Resolution_BusinessDaysWithPending_PausedOpenTimeDoesNotCount()
    {
        // Opened Monday 10:00, due Wednesday 10:00 without pauses. Pending Monday 11:00 to Tuesday 11:00 holds back
        // 8h of open time (6h Monday, 2h Tuesday): 7h on Wednesday from 10:00, 1h on Thursday, due Thursday 10:00.
        var clock = Case(TwoBusinessDays, "4", "2026-03-02T10:00:00Z", Pending("2026-03-02T11:00:00Z"), Open("2026-03-03T11:00:00Z"));

        Assert.Equal(At("2026-03-05T10:00:00Z"), TargetOf(clock, "2026-03-03T12:00:00Z", Target.ResolutionName).DueAt);
    }

    [Fact]
    public void Resolution_BusinessDaysSolvedLate_BreachedAtDue()
    {
        var clock = Case(TwoBusinessDays, "4", "2026-03-02T10:00:00Z", Solved("2026-03-04T10:30:00Z"));

        Assert.Equal(
            new TargetView(TargetState.Breached, At("2026-03-02T10:00:00Z"), At("2026-03-04T10:00:00Z"), At("2026-03-04T10:30:00Z"), At("2026-03-04T10:00:00Z"), null, null),
            View(clock, "2026-03-04T12:00:00Z", Target.ResolutionName));
    }

    // Resolution within 1 business day: opened Friday 20:00, so it counts from Monday's opening and is due Tuesday 09:00.
    private static readonly Policy OneBusinessDayResolution = Policy(
        Severity("4", null, Resolution("0m") with { Goal = Goal.InBusinessDays(1) }));

    [Theory]
    [InlineData(null, null)] // no pause
    [InlineData("2026-03-07T10:00:00Z", "2026-03-08T10:00:00Z")] // pending over the weekend: no open time paused
    [InlineData("2026-03-06T20:30:00Z", "2026-03-09T09:00:00Z")] // pending until Monday's opening: still none
    [InlineData("2026-03-06T22:00:00Z", "2026-03-07T01:00:00Z")] // pending Friday night: none
    public void Resolution_BusinessDaysPauseWithoutOpenTime_DueUnchanged(string? pending, string? reopened)
    {
        var events = pending is null ? [] : new[] { Pending(pending), Open(reopened!) };
        var clock = Case(OneBusinessDayResolution, "4", "2026-03-06T20:00:00Z", events);

        Assert.Equal(
            new TargetView(TargetState.Running, At("2026-03-06T20:00:00Z"), At("2026-03-10T09:00:00Z"), null, null, Parse.Duration("0s"), null),
            View(clock, "2026-03-09T18:00:00Z", Target.ResolutionName));
    }

    [Theory]
    [InlineData("2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z", "2026-03-10T10:00:00Z")] // 1h of Monday paused: 1h past the due
    [InlineData("2026-03-09T16:00:00Z", "2026-03-10T12:00:00Z", "2026-03-10T13:00:00Z")] // 1h paused, and the pause runs past the due
    public void Resolution_BusinessDaysPauseWithOpenTime_PushesTheDueByThatOpenTime(string pending, string reopened, string due)
    {
        var clock = Case(OneBusinessDayResolution, "4", "2026-03-06T20:00:00Z", Pending(pending), Open(reopened));

        Assert.Equal(At(due), TargetOf(clock, "2026-03-10T12:30:00Z", Target.ResolutionName).DueAt);
    }

    [Fact]
    public void Resolution_BusinessDaysPausedOverTheWeekendNow_PausedNotBreached()
    {
        var clock = Case(OneBusinessDayResolution, "4", "2026-03-06T20:00:00Z", Pending("2026-03-07T10:00:00Z"));

        Assert.Equal(TargetState.Paused, TargetOf(clock, "2026-03-09T18:00:00Z", Target.ResolutionName).State);
    }
}
