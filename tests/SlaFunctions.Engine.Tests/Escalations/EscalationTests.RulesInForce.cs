using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Escalations;

/// <summary>A rule limited to some severities applies while the case has one of them; a point that passed before a
/// change brought the rule into force fires once, at the change: late, never lost. Event rules fire on opening and on
/// raises, never on a lowering (spec: Warnings and escalations).</summary>
public sealed partial class EscalationTests
{
    private const string EtaOrWorkaround = "etaOrWorkaround";

    // LiveOps' shape: an ETA or workaround within 8h of 24x7 time at every severity; "Elevate to Level 2" only at 1 and 2.
    private static readonly Policy ElevateToLevelTwo = Policy(
        Severity("1", null, Custom(EtaOrWorkaround, "8h", TargetStart.Opened, BusinessCalendar.AlwaysOpen, Milestone.Eta, Milestone.Workaround)),
        Severity("2", null, Custom(EtaOrWorkaround, "8h", TargetStart.Opened, BusinessCalendar.AlwaysOpen, Milestone.Eta, Milestone.Workaround)),
        Severity("3", null, Custom(EtaOrWorkaround, "8h", TargetStart.Opened, BusinessCalendar.AlwaysOpen, Milestone.Eta, Milestone.Workaround))) with
    {
        Escalations = [Rule("elevate", EtaOrWorkaround, Breach) with { Severities = new HashSet<string> { "1", "2" } }],
    };

    [Fact]
    public void EscalationsBetween_RaisedAfterThePointPassed_FiresOnceAtTheRaise()
    {
        // Opened at 3 at 09:00, no ETA: breached 17:00 while the rule was not in force; raised to 2 at 19:00.
        var clock = Case(ElevateToLevelTwo, "3", MondayNine, Severity("2026-03-02T19:00:00Z", "2"));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T20:00:00Z"), BeforeOpening, WeekEnd);

        var point = Assert.Single(points);
        Assert.Equal(Parse.Instant("2026-03-02T19:00:00Z"), point.At);
        Assert.Equal($"{EtaOrWorkaround}/elevate/{Parse.Instant(MondayNine).ToUnixTimeSeconds()}/0", point.Key);
        Assert.Equal(TargetState.Breached, clock.StateAt(Parse.Instant("2026-03-02T20:00:00Z")).Targets.Single().State);
    }

    [Theory]
    [InlineData("2026-03-02T16:00:00Z", "2026-03-02T17:00:00Z")] // raised before the point: it fires at its own instant
    [InlineData(null, null)] // never raised: the rule never applies
    public void EscalationsBetween_RuleInForceOnlyFromItsSeverity(string? raised, string? expected)
    {
        var clock = raised is null ? Case(ElevateToLevelTwo, "3", MondayNine) : Case(ElevateToLevelTwo, "3", MondayNine, Severity(raised, "2"));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T20:00:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal(expected is null ? [] : [Parse.Instant(expected)], points.Select(p => p.At));
    }

    [Fact]
    public void EscalationsBetween_RaisedAfterTheTargetWasMet_NothingLate()
    {
        var clock = Case(ElevateToLevelTwo, "3", MondayNine, Eta("2026-03-02T18:00:00Z"), Severity("2026-03-02T19:00:00Z", "2"));

        Assert.Empty(clock.EscalationsBetween(Parse.Instant("2026-03-02T20:00:00Z"), BeforeOpening, WeekEnd));
    }

    [Fact]
    public void EscalationsBetween_RepeatsPassedBeforeTheRaise_OnlyTheLastFiresLate()
    {
        var policy = ElevateToLevelTwo with { Escalations = [Rule("elevate", EtaOrWorkaround, Breach, every: "1h") with { Severities = new HashSet<string> { "2" } }] };
        var clock = Case(policy, "3", MondayNine, Severity("2026-03-02T19:30:00Z", "2"));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T21:00:00Z"), BeforeOpening, Parse.Instant("2026-03-02T21:00:00Z"));

        // Breach 17:00 (0), 18:00 (1), 19:00 (2) passed at severity 3: only repeat 2 fires, at the raise; then 20:00, 21:00.
        Assert.Equal(
            [(2, Parse.Instant("2026-03-02T19:30:00Z")), (3, Parse.Instant("2026-03-02T20:00:00Z")), (4, Parse.Instant("2026-03-02T21:00:00Z"))],
            points.Select(p => (p.Occurrence, p.At)));
    }

    [Fact]
    public void EscalationsBetween_SeverityEnteredByLowering_DoesNotFire()
    {
        // Rule for severities 1 and 2: opened at 1 (fires), lowered to 2 (no), raised 3 to 2 later (fires).
        var rule = SeverityOneEntered with { Severities = new HashSet<string> { "1", "2" } };
        var clock = Case(WithRules(rule), "1", MondayNine, Severity("2026-03-02T10:00:00Z", "2"), Severity("2026-03-02T11:00:00Z", "3"), Severity("2026-03-02T12:00:00Z", "2"));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T13:00:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal([Parse.Instant(MondayNine), Parse.Instant("2026-03-02T12:00:00Z")], points.Select(p => p.At));
    }
}
