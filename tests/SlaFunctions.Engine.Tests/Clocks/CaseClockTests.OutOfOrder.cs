using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>Events are placed by their own timestamps, whatever order they arrive in (spec: Events out of order).</summary>
public sealed partial class CaseClockTests
{
    private static readonly CaseEvent[] BusyWeek =
    [
        Reply("2026-03-02T10:00:00Z"),
        Pending("2026-03-02T11:00:00Z"),
        CustomerReply("2026-03-02T15:00:00Z"),
        Open("2026-03-02T15:00:01Z"),
        Severity("2026-03-02T16:00:00Z", "1"),
        Reply("2026-03-03T09:30:00Z"),
        Solved("2026-03-03T12:00:00Z"),
        Open("2026-03-04T10:00:00Z"),
        Workaround("2026-03-04T11:00:00Z"),
        Solved("2026-03-05T16:00:00Z"),
    ];

    [Theory]
    [InlineData("2026-03-02T12:00:00Z")] // while pending
    [InlineData("2026-03-02T16:30:00Z")] // after the raise
    [InlineData("2026-03-03T13:00:00Z")] // solved
    [InlineData("2026-03-04T12:00:00Z")] // reopened, lowered by the workaround
    [InlineData("2026-03-06T12:00:00Z")] // solved again
    public void StateAt_EventsDeliveredInReverse_SameAsInOrder(string asOf)
    {
        var inOrder = Case(Standard, "2", MondayNine, BusyWeek).StateAt(Parse.Instant(asOf));
        var reversed = Case(Standard, "2", MondayNine, [.. BusyWeek.Reverse()]).StateAt(Parse.Instant(asOf));

        Assert.Equal(inOrder.Severity.Id, reversed.Severity.Id);
        Assert.Equal(inOrder.Targets.Select(TargetView.Of), reversed.Targets.Select(TargetView.Of));
    }

    [Fact]
    public void StateAt_LateSeverityWebhook_PlacedAtItsOwnTime()
    {
        // The raise happened at 09:30 but was delivered after the 10:30 reply: the reply is judged against severity 1.
        var clock = Case(Standard, "3", MondayNine, Reply("2026-03-02T10:30:00Z"), Severity("2026-03-02T09:30:00Z", "1"));

        var view = View(clock, "2026-03-02T11:00:00Z", Target.FirstResponseName);

        Assert.Equal(TargetState.Breached, view.State);
        Assert.Equal(At("2026-03-02T10:00:00Z"), view.BreachedAt);
    }

    [Fact]
    public void CaseHistory_EventBeforeOpening_CountsAtOpening()
    {
        // A reply stamped a minute before the case's own opening (clock skew between systems) meets at the opening.
        var clock = Case(Standard, "3", MondayNine, Reply("2026-03-02T08:59:00Z"));

        Assert.Equal(At(MondayNine), TargetOf(clock, "2026-03-02T10:00:00Z", Target.FirstResponseName).MetAt);
    }
}
