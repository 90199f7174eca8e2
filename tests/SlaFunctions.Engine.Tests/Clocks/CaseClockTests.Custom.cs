using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>Named custom targets: started on opening, on entering the severity, or on going pending, and met by any
/// of their milestones (spec: Targets, e.g. "notify account management within 15 minutes").</summary>
public sealed partial class CaseClockTests
{
    private const string NotifyAccountManagement = "notifyAccountManagement";
    private const string WorkaroundWithin = "workaroundWithin";
    private const string ChaseCustomer = "chaseCustomer";
    private const string SolvedWithin = "solvedWithin";

    // Severity 1: tell account management (an internal note) within 15 min of 24x7 time of entering severity 1.
    // Severity 3: a workaround within 4h, a reply within 2h of each time the case goes pending, solved within 2h.
    private static readonly Policy CustomTargets = Policy(
        Severity("1", null, FirstResponse("1h"), Custom(NotifyAccountManagement, "15m", TargetStart.SeverityRaised, BusinessCalendar.AlwaysOpen, Milestone.InternalNote)),
        Severity(
            "3",
            null,
            FirstResponse("4h"),
            Custom(WorkaroundWithin, "4h", TargetStart.Opened, null, Milestone.Workaround),
            Custom(ChaseCustomer, "2h", TargetStart.Pending, null, Milestone.AgentReply),
            Custom(SolvedWithin, "2h", TargetStart.Opened, null, Milestone.Solved)));

    // Opened at 3 on Monday 09:00, raised to 1 at 14:00: the notice is due 14:15.
    [Theory]
    [InlineData("2026-03-02T14:10:00Z", TargetState.Met, "2026-03-02T14:10:00Z", null)] // noted in time
    [InlineData("2026-03-02T14:15:00Z", TargetState.Met, "2026-03-02T14:15:00Z", null)] // noted exactly at due
    [InlineData("2026-03-02T14:20:00Z", TargetState.Breached, "2026-03-02T14:20:00Z", "2026-03-02T14:15:00Z")] // noted late
    [InlineData("2026-03-02T13:00:00Z", TargetState.Breached, null, "2026-03-02T14:15:00Z")] // a note before the raise does not count
    [InlineData(null, TargetState.Breached, null, "2026-03-02T14:15:00Z")] // never noted
    public void Custom_StartOnSeverityRaised_CountsFromTheRaise(string? note, TargetState state, string? metAt, string? breachedAt)
    {
        var events = new List<CaseEvent> { Severity("2026-03-02T14:00:00Z", "1") };
        if (note is not null)
        {
            events.Add(Note(note));
        }
        var clock = Case(CustomTargets, "3", MondayNine, [.. events]);

        Assert.Equal(
            new TargetView(state, At("2026-03-02T14:00:00Z"), At("2026-03-02T14:15:00Z"), At(metAt), At(breachedAt), null, null),
            View(clock, "2026-03-02T14:30:00Z", NotifyAccountManagement));
    }

    [Fact]
    public void Custom_StartOnSeverityRaised_OpenedAtThatSeverity_CountsFromOpening()
    {
        var clock = Case(CustomTargets, "1", "2026-03-07T22:00:00Z");

        Assert.Equal(
            new TargetView(TargetState.Running, At("2026-03-07T22:00:00Z"), At("2026-03-07T22:15:00Z"), null, null, Parse.Duration("5m"), null),
            View(clock, "2026-03-07T22:10:00Z", NotifyAccountManagement));
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", "2026-03-02T14:00:00Z", TargetState.Met, null)] // workaround given at 12:00
    [InlineData(null, "2026-03-02T14:00:00Z", TargetState.Breached, "2026-03-02T13:00:00Z")] // none by 13:00
    [InlineData(null, "2026-03-02T12:00:00Z", TargetState.Running, null)] // none yet, an hour left
    public void Custom_MetByWorkaround_MetOrBreached(string? workaround, string asOf, TargetState state, string? breachedAt)
    {
        var clock = workaround is null ? Case(CustomTargets, "3", MondayNine) : Case(CustomTargets, "3", MondayNine, Workaround(workaround));

        var status = TargetOf(clock, asOf, WorkaroundWithin);

        Assert.Equal(state, status.State);
        Assert.Equal(At("2026-03-02T13:00:00Z"), status.DueAt);
        Assert.Equal(At(breachedAt), status.BreachedAt);
    }

    [Fact]
    public void Custom_StartOnPending_NeverPending_NotStarted()
    {
        Assert.Equal(TargetState.NotStarted, TargetOf(Case(CustomTargets, "3", MondayNine), "2026-03-02T12:00:00Z", ChaseCustomer).State);
    }

    [Theory]
    [InlineData("2026-03-02T11:00:00Z", null, "2026-03-02T13:00:00Z", TargetState.Met, null)] // replied an hour into the wait
    [InlineData(null, null, "2026-03-02T13:00:00Z", TargetState.Breached, "2026-03-02T12:00:00Z")] // still pending, no reply by 12:00
    [InlineData(null, "2026-03-02T11:00:00Z", "2026-03-02T12:30:00Z", TargetState.Stopped, null)] // the customer answered first
    public void Custom_StartOnPending_CountsFromGoingPending(string? reply, string? reopened, string asOf, TargetState state, string? breachedAt)
    {
        var events = new List<CaseEvent> { Pending("2026-03-02T10:00:00Z") };
        if (reply is not null)
        {
            events.Add(Reply(reply));
        }
        if (reopened is not null)
        {
            events.Add(Open(reopened));
        }
        var status = TargetOf(Case(CustomTargets, "3", MondayNine, [.. events]), asOf, ChaseCustomer);

        Assert.Equal(state, status.State);
        Assert.Equal(At("2026-03-02T10:00:00Z"), status.StartedAt);
        Assert.Equal(At(reply), status.MetAt);
        Assert.Equal(At(breachedAt), status.BreachedAt);
    }

    [Fact]
    public void Custom_StartOnPending_SecondWait_StartsAgain()
    {
        var clock = Case(
            CustomTargets,
            "3",
            MondayNine,
            Pending("2026-03-02T10:00:00Z"),
            Reply("2026-03-02T10:30:00Z"),
            Open("2026-03-02T11:00:00Z"),
            Pending("2026-03-02T14:00:00Z"));

        Assert.Equal(
            new TargetView(TargetState.Running, At("2026-03-02T14:00:00Z"), At("2026-03-02T16:00:00Z"), null, null, Parse.Duration("1h"), null),
            View(clock, "2026-03-02T15:00:00Z", ChaseCustomer));
    }

    [Theory]
    [InlineData("2026-03-02T10:00:00Z", TargetState.Met, null)] // solved within 2h
    [InlineData("2026-03-02T12:00:00Z", TargetState.Breached, "2026-03-02T11:00:00Z")] // solved late
    public void Custom_MetBySolved_MetOrBreached(string solved, TargetState state, string? breachedAt)
    {
        var status = TargetOf(Case(CustomTargets, "3", MondayNine, Solved(solved)), "2026-03-02T13:00:00Z", SolvedWithin);

        Assert.Equal(state, status.State);
        Assert.Equal(At(solved), status.MetAt);
        Assert.Equal(At(breachedAt), status.BreachedAt);
    }
}
