using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>firstResponse: starts at opening, met by the first public agent reply, never paused (spec: Targets).</summary>
public sealed partial class CaseClockTests
{
    // Severity 3 answers within 4h of support time: opened Monday 09:00, due Monday 13:00.
    [Theory]
    [InlineData("2026-03-02T12:00:00Z", TargetState.Met, null)] // replied before due
    [InlineData("2026-03-02T13:00:00Z", TargetState.Met, null)] // replied exactly at due: met at or before due
    [InlineData("2026-03-02T14:00:00Z", TargetState.Breached, "2026-03-02T13:00:00Z")] // late reply: a breach at due, still met at 14:00
    [InlineData("2026-03-03T10:00:00Z", TargetState.Breached, "2026-03-02T13:00:00Z")] // a day late, same breach instant
    public void FirstResponse_AgentReply_MetOrBreachedAtDue(string reply, TargetState state, string? breachedAt)
    {
        var clock = Case(Standard, "3", MondayNine, Reply(reply));

        var view = View(clock, "2026-03-03T12:00:00Z", Target.FirstResponseName);

        Assert.Equal(new TargetView(state, At(MondayNine), At("2026-03-02T13:00:00Z"), At(reply), At(breachedAt), null, null), view);
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", TargetState.Running, "2026-03-02T13:00:00Z", null, "1h")] // an hour left
    [InlineData("2026-03-02T12:59:59Z", TargetState.Running, "2026-03-02T13:00:00Z", null, "1s")] // one second left
    [InlineData("2026-03-02T13:30:00Z", TargetState.Breached, "2026-03-02T13:00:00Z", "2026-03-02T13:00:00Z", null)] // due passed unmet
    [InlineData("2026-03-02T20:00:00Z", TargetState.Breached, "2026-03-02T13:00:00Z", "2026-03-02T13:00:00Z", null)] // after hours: still breached at 13:00
    public void FirstResponse_NoReply_RunningThenBreached(string asOf, TargetState state, string due, string? breachedAt, string? remaining)
    {
        var view = View(Case(Standard, "3", MondayNine), asOf, Target.FirstResponseName);

        Assert.Equal(new TargetView(state, At(MondayNine), At(due), null, At(breachedAt), Left(remaining), null), view);
    }

    [Fact]
    public void FirstResponse_CaseWaitsOnCustomer_KeepsRunning()
    {
        // Pending from 10:00: resolution pauses, firstResponse does not (spec: "Pauses do not stop it").
        var clock = Case(Standard, "3", MondayNine, Pending("2026-03-02T10:00:00Z"));

        Assert.Equal(
            new TargetView(TargetState.Running, At(MondayNine), At("2026-03-02T13:00:00Z"), null, null, Parse.Duration("1h"), null),
            View(clock, "2026-03-02T12:00:00Z", Target.FirstResponseName));
        Assert.Equal(TargetState.Breached, TargetOf(clock, "2026-03-02T13:30:00Z", Target.FirstResponseName).State);
    }

    [Fact]
    public void FirstResponse_CustomerReply_DoesNotMeet()
    {
        var clock = Case(Standard, "3", MondayNine, CustomerReply("2026-03-02T10:00:00Z"));

        Assert.Equal(TargetState.Running, TargetOf(clock, "2026-03-02T12:00:00Z", Target.FirstResponseName).State);
    }

    [Fact]
    public void FirstResponse_OpenedOnSaturday_CountsFromMondayOpening()
    {
        var clock = Case(Standard, "3", "2026-03-07T10:00:00Z");

        Assert.Equal(
            new TargetView(TargetState.Running, At("2026-03-07T10:00:00Z"), At("2026-03-09T13:00:00Z"), null, null, Parse.Duration("4h"), null),
            View(clock, "2026-03-07T12:00:00Z", Target.FirstResponseName));
    }

    [Fact]
    public void FirstResponse_SolvedWithoutReply_Stopped()
    {
        var clock = Case(Standard, "3", MondayNine, Solved("2026-03-02T11:00:00Z"));

        var view = View(clock, "2026-03-02T12:00:00Z", Target.FirstResponseName);

        Assert.Equal(TargetState.Stopped, view.State);
        Assert.Null(view.MetAt);
        Assert.Null(view.BreachedAt);
    }

    [Fact]
    public void FirstResponse_SecondReply_FirstOneCounts()
    {
        var clock = Case(Standard, "3", MondayNine, Reply("2026-03-02T10:00:00Z"), Reply("2026-03-02T15:00:00Z"));

        Assert.Equal(At("2026-03-02T10:00:00Z"), TargetOf(clock, "2026-03-02T16:00:00Z", Target.FirstResponseName).MetAt);
    }
}
