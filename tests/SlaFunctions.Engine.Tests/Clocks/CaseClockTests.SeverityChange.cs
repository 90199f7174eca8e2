using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>A severity change recomputes each target not yet met from its original start with the new goal and
/// calendar; a recomputed due before the change is a breach at that due; met targets stay met (spec: Severity change).</summary>
public sealed partial class CaseClockTests
{
    // Severity 3 resolves in 16h on support hours; severity 1 in 4h on 24x7 (FromRaise) or 24h on 24x7 (ForRules).
    private static readonly Policy CalendarChange = Policy(
        Severity("1", null, Resolution("4h", BusinessCalendar.AlwaysOpen)),
        Severity("3", null, Resolution("16h")));

    private static readonly Policy DayLongUrgent = Policy(
        Severity("1", null, Resolution("24h", BusinessCalendar.AlwaysOpen)),
        Severity("3", null, Resolution("16h")));

    // Opened at severity 3 (firstResponse 4h, due 13:00), raised to 1 (1h, recomputed due 10:00).
    [Theory]
    [InlineData("2026-03-02T09:30:00Z", "2026-03-02T09:45:00Z", TargetState.Running, null, "15m")] // raised early: 15 min left of 1h
    [InlineData("2026-03-02T11:00:00Z", "2026-03-02T11:30:00Z", TargetState.Breached, "2026-03-02T10:00:00Z", null)] // recomputed due is before the raise: breached at 10:00
    public void FirstResponse_SeverityRaised_RecomputedFromOriginalStart(string raised, string asOf, TargetState state, string? breachedAt, string? remaining)
    {
        var clock = Case(Standard, "3", MondayNine, Severity(raised, "1"));

        Assert.Equal(
            new TargetView(state, At(MondayNine), At("2026-03-02T10:00:00Z"), null, At(breachedAt), Left(remaining), null),
            View(clock, asOf, Target.FirstResponseName));
    }

    [Fact]
    public void FirstResponse_RaisedAfterOldBreach_StaysBreachedAtOldDue()
    {
        // Severity 3's first response ran out at 13:00; the raise at 14:00 finds it breached, so it is not recomputed
        // (spec: targets already breached stay breached): breached at 13:00, judged by severity 3's 4h.
        var clock = Case(Standard, "3", MondayNine, Severity("2026-03-02T14:00:00Z", "1"));

        var target = TargetOf(clock, "2026-03-02T14:30:00Z", Target.FirstResponseName);

        Assert.Equal(
            new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T13:00:00Z"), null, At("2026-03-02T13:00:00Z"), null, null),
            TargetView.Of(target));
        Assert.Equal(Parse.Duration("4h"), target.Target.Goal.OpenTime);
    }

    [Fact]
    public void Resolution_SeverityRaisedAfterOldBreach_BreachedAtRecomputedDue()
    {
        // Severity 3 resolution (16h) would be due Tuesday 17:00; severity 1's 4h from Monday 09:00 ran out at 13:00.
        var clock = Case(Standard, "3", MondayNine, Severity("2026-03-02T14:00:00Z", "1"));

        Assert.Equal(
            new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T13:00:00Z"), null, At("2026-03-02T13:00:00Z"), null, null),
            View(clock, "2026-03-02T14:30:00Z", Target.ResolutionName));
    }

    [Fact]
    public void FirstResponse_MetBeforeRaise_StaysMet()
    {
        // Replied at 10:30, within severity 3's 4h; the raise at 11:00 would have made it late, but met targets stay met.
        var clock = Case(Standard, "3", MondayNine, Reply("2026-03-02T10:30:00Z"), Severity("2026-03-02T11:00:00Z", "1"));

        var state = clock.StateAt(Parse.Instant("2026-03-02T11:30:00Z"));
        var firstResponse = state.Targets.Single(t => t.Name == Target.FirstResponseName);

        Assert.Equal("1", state.Severity.Id);
        Assert.Equal(new TargetView(TargetState.Met, At(MondayNine), At("2026-03-02T13:00:00Z"), At("2026-03-02T10:30:00Z"), null, null, null), TargetView.Of(firstResponse));
        Assert.Equal(Parse.Duration("4h"), firstResponse.Target.Goal.OpenTime);
        Assert.Equal(At("2026-03-02T13:00:00Z"), state.Targets.Single(t => t.Name == Target.ResolutionName).DueAt);
    }

    [Fact]
    public void FirstResponse_ReplyAfterRaise_JudgedByNewSeverity()
    {
        var clock = Case(Standard, "3", MondayNine, Severity("2026-03-02T09:45:00Z", "1"), Reply("2026-03-02T10:30:00Z"));

        Assert.Equal(
            new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T10:00:00Z"), At("2026-03-02T10:30:00Z"), At("2026-03-02T10:00:00Z"), null, null),
            View(clock, "2026-03-02T11:00:00Z", Target.FirstResponseName));
    }

    [Fact]
    public void FirstResponse_SeverityLoweredBeforeDue_RecomputedWithLongerGoal()
    {
        // Lowered at 09:30, before severity 1's 10:00 due: recomputed with severity 3's 4h, due 13:00.
        var clock = Case(Standard, "1", MondayNine, Severity("2026-03-02T09:30:00Z", "3"));

        Assert.Equal(
            new TargetView(TargetState.Running, At(MondayNine), At("2026-03-02T13:00:00Z"), null, null, Parse.Duration("1h"), null),
            View(clock, "2026-03-02T12:00:00Z", Target.FirstResponseName));
    }

    [Theory]
    [InlineData(null)] // never answered
    [InlineData("2026-03-02T11:30:00Z")] // answered after the lowering, within severity 3's 4h: still late for severity 1
    public void FirstResponse_SeverityLoweredAfterBreach_StaysBreached(string? reply)
    {
        // Severity 1's 10:00 due passed unmet before the lowering at 11:00 (spec: What happened stays).
        var clock = reply is null
            ? Case(Standard, "1", MondayNine, Severity("2026-03-02T11:00:00Z", "3"))
            : Case(Standard, "1", MondayNine, Severity("2026-03-02T11:00:00Z", "3"), Reply(reply));

        Assert.Equal(
            new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T10:00:00Z"), At(reply), At("2026-03-02T10:00:00Z"), null, null),
            View(clock, "2026-03-02T12:00:00Z", Target.FirstResponseName));
    }

    [Theory]
    [InlineData("2026-03-02T18:00:00Z", "2026-03-02T18:30:00Z", TargetState.Running, "2026-03-02T19:00:00Z")] // 4h of 24x7 from 15:00
    [InlineData("2026-03-02T20:00:00Z", "2026-03-02T20:30:00Z", TargetState.Breached, "2026-03-02T19:00:00Z")] // raised after that: breached at 19:00
    public void Resolution_RaisedToAlwaysOpenCalendar_RecomputedOnNewCalendar(string raised, string asOf, TargetState state, string due)
    {
        // Opened Monday 15:00 at severity 3 (support hours, due Wednesday 15:00); severity 1 counts 24x7.
        var clock = Case(CalendarChange, "3", "2026-03-02T15:00:00Z", Severity(raised, "1"));

        var view = View(clock, asOf, Target.ResolutionName);

        Assert.Equal(state, view.State);
        Assert.Equal(At(due), view.DueAt);
    }

    [Fact]
    public void Resolution_RaisedAfterPause_PausesCountAsBefore()
    {
        // Pending 10:00-12:00; raised to 1 (4h) at 12:30: 1h before the pause, 3h from 12:00, due 15:00.
        var clock = Case(Standard, "3", MondayNine, Pending("2026-03-02T10:00:00Z"), Open("2026-03-02T12:00:00Z"), Severity("2026-03-02T12:30:00Z", "1"));

        Assert.Equal(At("2026-03-02T15:00:00Z"), TargetOf(clock, "2026-03-02T12:45:00Z", Target.ResolutionName).DueAt);
    }

    // Opened Monday 09:00 at severity 3 (16h of support hours), raised at Monday 20:00 to severity 1 (24h of 24x7).
    [Theory]
    [InlineData(SeverityChangeRule.FromStart, "2026-03-03T09:00:00Z")] // the spec's rule: 24h of 24x7 from Monday 09:00
    [InlineData(SeverityChangeRule.Restart, "2026-03-03T20:00:00Z")] // 24h from the raise
    [InlineData(SeverityChangeRule.CarryOver, "2026-03-03T12:00:00Z")] // 8h of support time used by the raise: 16h from 20:00
    public void Resolution_SeverityChangeRule_DueAsTheRuleSays(SeverityChangeRule rule, string due)
    {
        var clock = Case(DayLongUrgent with { OnSeverityChange = rule }, "3", MondayNine, Severity("2026-03-02T20:00:00Z", "1"));

        Assert.Equal(At(due), TargetOf(clock, "2026-03-02T21:00:00Z", Target.ResolutionName).DueAt);
    }

    [Fact]
    public void SeverityRaised_RestartRule_NewGoalsFromTheRaise()
    {
        var clock = Case(Standard with { OnSeverityChange = SeverityChangeRule.Restart }, "3", MondayNine, Severity("2026-03-02T11:00:00Z", "1"));

        Assert.Equal(
            new TargetView(TargetState.Running, At("2026-03-02T11:00:00Z"), At("2026-03-02T12:00:00Z"), null, null, Parse.Duration("30m"), null),
            View(clock, "2026-03-02T11:30:00Z", Target.FirstResponseName));
        Assert.Equal(At("2026-03-02T15:00:00Z"), TargetOf(clock, "2026-03-02T11:30:00Z", Target.ResolutionName).DueAt);
    }

    [Fact]
    public void Workaround_OnSeverityOne_LowersToThreeAndRecomputes()
    {
        // Severity 1 drops to 3 on a workaround (Severity.OnWorkaround). The reply at 09:30 met severity 1's firstResponse;
        // resolution is recomputed from opening with severity 3's 16h: due Tuesday 17:00.
        var clock = Case(Standard, "1", MondayNine, Reply("2026-03-02T09:30:00Z"), Workaround("2026-03-02T11:00:00Z"));

        var state = clock.StateAt(Parse.Instant("2026-03-02T11:30:00Z"));

        Assert.Equal("3", state.Severity.Id);
        Assert.Equal(
            new TargetView(TargetState.Met, At(MondayNine), At("2026-03-02T10:00:00Z"), At("2026-03-02T09:30:00Z"), null, null, null),
            TargetView.Of(state.Targets.Single(t => t.Name == Target.FirstResponseName)));
        Assert.Equal(At("2026-03-03T17:00:00Z"), state.Targets.Single(t => t.Name == Target.ResolutionName).DueAt);
    }

    [Fact]
    public void Workaround_AfterSeverityOneBreach_StaysBreached()
    {
        // Severity 1's resolution ran out at 13:00; the workaround at 14:00 lowers to 3, but a breach stays a breach
        // (spec: What happened stays): not recomputed with severity 3's 16h.
        var clock = Case(Standard, "1", MondayNine, Workaround("2026-03-02T14:00:00Z"));

        var breached = new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T13:00:00Z"), null, At("2026-03-02T13:00:00Z"), null, null);
        Assert.Equal(breached, View(clock, "2026-03-02T13:30:00Z", Target.ResolutionName));
        Assert.Equal(breached, View(clock, "2026-03-02T14:00:00Z", Target.ResolutionName));
        Assert.Equal(breached, View(clock, "2026-03-04T09:00:00Z", Target.ResolutionName));
    }

    [Fact]
    public void Workaround_OnLowestSeverity_ChangesNothing()
    {
        var clock = Case(Standard, "3", MondayNine, Workaround("2026-03-02T11:00:00Z"));

        var state = clock.StateAt(Parse.Instant("2026-03-02T11:30:00Z"));

        Assert.Equal("3", state.Severity.Id);
        Assert.Equal(At("2026-03-03T17:00:00Z"), state.Targets.Single(t => t.Name == Target.ResolutionName).DueAt);
    }
}
