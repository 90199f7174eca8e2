using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Escalations;

/// <summary>A business-day target whose clock starts outside hours is due at an opening; every point is placed against
/// that due, never at the closing before it (spec: Durations, businessDays).</summary>
public sealed partial class EscalationTests
{
    // firstResponse within 1 business day of 09:00-17:00 UTC, Mon-Fri; open-time points are on the same clock.
    private static Policy OneBusinessDay(params EscalationRule[] rules) => Policy(
        Severity("4", null, FirstResponse("0m") with { Goal = Goal.InBusinessDays(1) })) with { Escalations = rules };

    [Theory]
    [InlineData("2026-03-02T20:00:00Z", "2026-03-04T09:00:00Z")] // Monday night: Tuesday's opening, then one day on
    [InlineData("2026-03-02T17:00:00Z", "2026-03-04T09:00:00Z")] // exactly at closing
    [InlineData("2026-03-07T10:00:00Z", "2026-03-10T09:00:00Z")] // Saturday: Monday's opening, due Tuesday 09:00
    [InlineData("2026-03-02T06:00:00Z", "2026-03-03T09:00:00Z")] // before the opening on Monday
    public void EscalationsBetween_BusinessDayStartedOutsideHours_BreachAtTheOpeningDue(string opened, string due)
    {
        var clock = Case(OneBusinessDay(Rule("breach", Target.FirstResponseName, Breach)), "4", opened);

        var point = Assert.Single(clock.EscalationsBetween(Parse.Instant(opened), Parse.Instant(opened) - Duration.Epsilon, Parse.Instant(due) + Duration.FromDays(7)));

        Assert.Equal(Parse.Instant(due), point.At);
        Assert.Equal(Parse.Instant(due), clock.StateAt(Parse.Instant(opened)).Targets.Single().DueAt);
    }

    [Fact]
    public void EscalationsBetween_BusinessDayAnsweredAfterClosingBeforeDue_MetAndNoBreachPoint()
    {
        // The minimal case: opened Monday 20:00, answered Tuesday 17:30, due Wednesday 09:00.
        var clock = Case(OneBusinessDay(Rule("breach", Target.FirstResponseName, Breach)), "4", "2026-03-02T20:00:00Z", Reply("2026-03-03T17:30:00Z"));
        var asOf = Parse.Instant("2026-03-03T18:00:00Z");

        Assert.Equal(TargetState.Met, clock.StateAt(asOf).Targets.Single().State);
        Assert.Empty(clock.EscalationsBetween(asOf, Parse.Instant("2026-03-02T19:00:00Z"), asOf + Duration.FromDays(7)));
    }

    [Theory]
    [InlineData(EscalationTriggerKind.Percent, "50", "2026-03-03T13:00:00Z")] // half of Tuesday's 8h of open time
    [InlineData(EscalationTriggerKind.Before, "30m", "2026-03-03T16:30:00Z")] // 30 min of open time before the due
    [InlineData(EscalationTriggerKind.Percent, "100", "2026-03-04T09:00:00Z")] // the whole goal: the due itself
    [InlineData(EscalationTriggerKind.After, "2h", "2026-03-04T11:00:00Z")] // 2h of open time after the due
    [InlineData(EscalationTriggerKind.Percent, "125", "2026-03-04T11:00:00Z")] // past the goal: after the due
    public void EscalationsBetween_BusinessDayPoints_PlacedAgainstTheDue(EscalationTriggerKind kind, string amount, string expected)
    {
        var trigger = kind == EscalationTriggerKind.Percent
            ? new EscalationTrigger { Kind = kind, Percent = double.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }
            : new EscalationTrigger { Kind = kind, Offset = Parse.Duration(amount) };
        var clock = Case(OneBusinessDay(Rule("r", Target.FirstResponseName, trigger)), "4", "2026-03-02T20:00:00Z");

        var point = Assert.Single(clock.EscalationsBetween(Parse.Instant("2026-03-02T20:00:00Z"), Parse.Instant("2026-03-02T19:00:00Z"), Parse.Instant("2026-03-09T00:00:00Z")));

        Assert.Equal(Parse.Instant(expected), point.At);
    }
}
