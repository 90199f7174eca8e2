using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>A run that breached stays breached whatever comes after it, and a target met or breached stays in the
/// answer when the new severity lacks it; first response stopped by a solve before any reply stays stopped (spec: What
/// happened stays, Severity change).</summary>
public sealed partial class CaseClockTests
{
    private const string Notify = "notify";

    // Severity 1: first response 1h, tell account management within 15 min (24x7); severity 3 has neither the notice
    // target nor the same goal. A workaround drops 1 to 3 (LumenVox's shape).
    private static readonly Policy LoweredByWorkaround = Policy(
        Severity("1", "3", FirstResponse("1h"), Custom(Notify, "15m", TargetStart.Opened, BusinessCalendar.AlwaysOpen, Milestone.InternalNote)),
        Severity("3", null, FirstResponse("8h")));

    [Fact]
    public void StateAt_WorkaroundAfterMissedResponse_BreachStaysAndMissingTargetIsKept()
    {
        // Opened at 1, nothing within the hour; the workaround at 11:00 drops the case to 3.
        var clock = Case(LoweredByWorkaround, "1", MondayNine, Workaround("2026-03-02T11:00:00Z"));

        var state = clock.StateAt(Parse.Instant("2026-03-02T12:00:00Z"));

        Assert.Equal("3", state.Severity.Id);
        Assert.Equal([Target.FirstResponseName, Notify], state.Targets.Select(t => t.Name));
        Assert.Equal(
            new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T10:00:00Z"), null, At("2026-03-02T10:00:00Z"), null, null),
            TargetView.Of(state.Targets[0]));
        Assert.Equal(
            new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T09:15:00Z"), null, At("2026-03-02T09:15:00Z"), null, null),
            TargetView.Of(state.Targets[1]));
    }

    [Fact]
    public void StateAt_LoweredWhileTargetRunning_TargetTheNewSeverityLacksIsDropped()
    {
        var clock = Case(LoweredByWorkaround, "1", MondayNine, Workaround("2026-03-02T09:10:00Z"));

        var state = clock.StateAt(Parse.Instant("2026-03-02T12:00:00Z"));

        Assert.Equal([Target.FirstResponseName], state.Targets.Select(t => t.Name));
        Assert.Equal(TargetState.Running, state.Targets[0].State);
    }

    [Fact]
    public void StateAt_MetTargetTheNewSeverityLacks_StaysMet()
    {
        var clock = Case(LoweredByWorkaround, "1", MondayNine, Note("2026-03-02T09:05:00Z"), Workaround("2026-03-02T09:30:00Z"));

        var notify = clock.StateAt(Parse.Instant("2026-03-02T12:00:00Z")).Targets.Single(t => t.Name == Notify);

        Assert.Equal(TargetState.Met, notify.State);
        Assert.Equal(At("2026-03-02T09:05:00Z"), notify.MetAt);
    }

    [Theory]
    [InlineData(null)] // still solved
    [InlineData("2026-03-02T11:00:00Z")] // reopened, then replied
    public void FirstResponse_SolvedBeforeAnyReply_StaysStopped(string? reopened)
    {
        var events = new List<CaseEvent> { Solved("2026-03-02T10:00:00Z") };
        if (reopened is not null)
        {
            events.Add(Open(reopened));
        }
        events.Add(Reply("2026-03-02T11:30:00Z"));
        var clock = Case(Standard, "3", MondayNine, [.. events]);

        Assert.Equal(
            new TargetView(TargetState.Stopped, At(MondayNine), null, null, null, null, null),
            View(clock, "2026-03-02T12:00:00Z", Target.FirstResponseName));
    }

    [Fact]
    public void FirstResponse_SolvedAfterDueBeforeAnyReply_StaysBreached()
    {
        var clock = Case(Standard, "3", MondayNine, Solved("2026-03-02T14:00:00Z"), Open("2026-03-02T15:00:00Z"), Reply("2026-03-02T15:30:00Z"));

        Assert.Equal(
            new TargetView(TargetState.Breached, At(MondayNine), At("2026-03-02T13:00:00Z"), null, At("2026-03-02T13:00:00Z"), null, null),
            View(clock, "2026-03-02T16:00:00Z", Target.FirstResponseName));
    }
}
