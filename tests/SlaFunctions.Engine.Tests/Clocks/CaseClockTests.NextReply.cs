using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>nextReply: after the first public agent reply, the oldest unanswered customer message starts a run that the
/// next public agent reply meets; later messages before that reply do not restart it; it pauses like the update
/// cadence and a solve stops it (README: How the clocks count).</summary>
public sealed partial class CaseClockTests
{
    // Next reply within 2h of support time (09:00-17:00 UTC, Mon-Fri), opened Monday 09:00.
    private static readonly Policy NextReplyPolicy = Policy(Severity("2", null, FirstResponse("2h"), NextReply("2h")));

    [Theory]
    [InlineData("")] // nothing yet
    [InlineData("c2026-03-02T09:30:00Z")] // a customer message before the first reply belongs to first response
    [InlineData("a2026-03-02T10:00:00Z")] // answered, nobody waiting
    [InlineData("a2026-03-02T09:30:00Z c2026-03-02T10:00:00Z a2026-03-02T10:00:00Z")] // a message at the reply's instant, listed first, is answered by it
    public void NextReply_NoWaitingCustomer_NotStarted(string events)
    {
        var view = View(Case(NextReplyPolicy, "2", MondayNine, [.. events.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Event)]), "2026-03-02T12:00:00Z", Target.NextReplyName);

        Assert.Equal(TargetState.NotStarted, view.State);
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", TargetState.Running, "2026-03-02T11:00:00Z", "2026-03-02T13:00:00Z", null, null)] // the 11:00 message starts it
    [InlineData("2026-03-02T13:30:00Z", TargetState.Breached, "2026-03-02T11:00:00Z", "2026-03-02T13:00:00Z", null, "2026-03-02T13:00:00Z")] // the 12:00 message did not restart it
    [InlineData("2026-03-02T15:00:00Z", TargetState.Running, "2026-03-02T14:30:00Z", "2026-03-02T16:30:00Z", null, null)] // the 14:30 message after the 14:00 reply is a new run
    public void NextReply_MessagesBeforeTheReply_OneRunFromTheOldest(string asOf, TargetState state, string started, string due, string? met, string? breached)
    {
        var clock = Case(NextReplyPolicy, "2", MondayNine,
            Reply("2026-03-02T10:00:00Z"), CustomerReply("2026-03-02T11:00:00Z"), CustomerReply("2026-03-02T12:00:00Z"),
            Reply("2026-03-02T14:00:00Z"), CustomerReply("2026-03-02T14:30:00Z"));

        var view = View(clock, asOf, Target.NextReplyName);

        Assert.Equal((state, At(started), At(due), At(met), At(breached)), (view.State, view.StartedAt, view.DueAt, view.MetAt, view.BreachedAt));
    }

    [Fact]
    public void NextReply_AnsweredInTime_Met()
    {
        var clock = Case(NextReplyPolicy, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), CustomerReply("2026-03-02T16:00:00Z"), Reply("2026-03-03T09:30:00Z"));

        var view = View(clock, "2026-03-03T12:00:00Z", Target.NextReplyName);

        // 16:00-17:00 Monday and 09:00-09:30 Tuesday: 1h30m of the 2h.
        Assert.Equal((TargetState.Met, At("2026-03-03T10:00:00Z"), At("2026-03-03T09:30:00Z")), (view.State, view.DueAt, view.MetAt));
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", TargetState.Paused, null)] // waiting on the customer
    [InlineData("2026-03-02T14:30:00Z", TargetState.Running, "2026-03-02T15:30:00Z")] // 30m used before, 1h30m from 14:00
    public void NextReply_Pending_Paused(string asOf, TargetState state, string? due)
    {
        var clock = Case(NextReplyPolicy, "2", MondayNine,
            Reply("2026-03-02T10:00:00Z"), CustomerReply("2026-03-02T11:00:00Z"), Pending("2026-03-02T11:30:00Z"), Open("2026-03-02T14:00:00Z"));

        var view = View(clock, asOf, Target.NextReplyName);

        Assert.Equal((state, At(due)), (view.State, view.DueAt));
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", TargetState.Stopped)] // solved before its due: nothing owed
    [InlineData("2026-03-02T14:00:00Z", TargetState.Breached)] // the 13:00 due had passed
    public void NextReply_SolvedWhileWaiting_StoppedUnlessAlreadyMissed(string solved, TargetState state)
    {
        var clock = Case(NextReplyPolicy, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), CustomerReply("2026-03-02T11:00:00Z"), Solved(solved));

        Assert.Equal(state, View(clock, "2026-03-03T12:00:00Z", Target.NextReplyName).State);
    }

    private static CaseEvent Event(string text) =>
        text[0] == 'a' ? Reply(text[1..]) : CustomerReply(text[1..]);
}
