using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Escalations;

/// <summary>A notice belongs to one run of a target's clock: a target that runs again gets notices of its own, and a
/// mark stored under the key of builds before run starts were in keys counts as the first run's (spec: notice
/// identity).</summary>
public sealed partial class EscalationTests
{
    private const string WaitingOnCustomer = "waitingOnCustomer";

    // A 1h custom target of 24x7 time from each time the case goes pending, met by the customer's reply.
    private static readonly Policy PendingTimeout = Policy(
        Severity("3", null, FirstResponse("4h"), Custom(WaitingOnCustomer, "1h", TargetStart.Pending, BusinessCalendar.AlwaysOpen, Milestone.CustomerReply))) with
    {
        Escalations = [Rule("woc-breach", WaitingOnCustomer, Breach)],
    };

    [Fact]
    public void EscalationsBetween_SecondPendingSpell_HasItsOwnNotice()
    {
        // Pending 10:00-12:00 (breached 11:00), open again, pending from 13:00 (breaches 14:00).
        var first = Case(PendingTimeout, "3", MondayNine, Pending("2026-03-02T10:00:00Z"), Open("2026-03-02T12:00:00Z"));
        var second = Case(PendingTimeout, "3", MondayNine, Pending("2026-03-02T10:00:00Z"), Open("2026-03-02T12:00:00Z"), Pending("2026-03-02T13:00:00Z"));

        var fired = Assert.Single(first.EscalationsBetween(Parse.Instant("2026-03-02T12:30:00Z"), BeforeOpening, WeekEnd));
        var points = second.EscalationsBetween(Parse.Instant("2026-03-02T14:30:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal(Parse.Instant("2026-03-02T11:00:00Z"), fired.At);
        Assert.Equal(
            [(fired.Key, Parse.Instant("2026-03-02T11:00:00Z")), ($"{WaitingOnCustomer}/woc-breach/{Parse.Instant("2026-03-02T13:00:00Z").ToUnixTimeSeconds()}/0", Parse.Instant("2026-03-02T14:00:00Z"))],
            points.Select(Identity));
    }

    [Fact]
    public void EscalationsBetween_ClockRestartedBySeverityChange_HasItsOwnNotices()
    {
        // Restart rule: severity 3's first response (4h from 09:00) warns at 12:00; raised to 1 at 12:30, its clock
        // starts again with 1h, so the new run warns at 13:15 under a key of its own (the 12:00 one was sent).
        var policy = WithRules(Rule("fr-75", Target.FirstResponseName, Percent(75))) with { OnSeverityChange = SeverityChangeRule.Restart };
        var before = Case(policy, "3", MondayNine).EscalationsBetween(Parse.Instant("2026-03-02T12:10:00Z"), BeforeOpening, WeekEnd);
        var after = Case(policy, "3", MondayNine, Severity("2026-03-02T12:30:00Z", "1")).EscalationsBetween(Parse.Instant("2026-03-02T13:30:00Z"), BeforeOpening, WeekEnd);

        var sent = Assert.Single(before);
        Assert.Equal(Parse.Instant("2026-03-02T12:00:00Z"), sent.At);
        // The first run stays listed as it was (its notice went); the restarted run has its own.
        Assert.Equal(
            [(sent.Key, Parse.Instant("2026-03-02T12:00:00Z")), ($"firstResponse/fr-75/{Parse.Instant("2026-03-02T12:30:00Z").ToUnixTimeSeconds()}/0", Parse.Instant("2026-03-02T13:15:00Z"))],
            after.Select(Identity));
    }

    [Fact]
    public void EscalationsBetween_EveryRun_KeyNamesTheRunStart()
    {
        var clock = Case(WithRules(Rule("r", Target.FirstResponseName, Breach, every: "2h")), "3", MondayNine);

        var points = clock.EscalationsBetween(Parse.Instant(MondayNine), BeforeOpening, WeekEnd);

        var opened = Parse.Instant(MondayNine).ToUnixTimeSeconds();
        Assert.Equal([$"firstResponse/r/{opened}/0", $"firstResponse/r/{opened}/1", $"firstResponse/r/{opened}/2"], points.Take(3).Select(p => p.Key));
        Assert.Equal(points.Count, points.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void IsNoticedIn_MarkUnderTheOldKey_CountsForTheFirstRunOnly()
    {
        // A case stored before run starts were in keys has `waitingOnCustomer/woc-breach/0` for its first spell.
        var clock = Case(PendingTimeout, "3", MondayNine, Pending("2026-03-02T10:00:00Z"), Open("2026-03-02T12:00:00Z"), Pending("2026-03-02T13:00:00Z"));
        var noticed = new HashSet<string> { $"{WaitingOnCustomer}/woc-breach/0" };

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T14:30:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal([true, false], points.Select(p => p.IsNoticedIn(noticed)));
    }

    [Fact]
    public void IsNoticedIn_OldEventRuleKey_CountsForTheSameEntry()
    {
        // Old keys numbered every entry into severity 1, the drop back too: raised at 10:00 (0), raised again at 14:00 (1).
        var clock = Case(WithRules(SeverityOneEntered), "3", MondayNine, Severity("2026-03-02T10:00:00Z", "1"), Severity("2026-03-02T11:00:00Z", "3"), Severity("2026-03-02T14:00:00Z", "1"));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T15:00:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal([true, false], points.Select(p => p.IsNoticedIn(new HashSet<string> { "sev1/sev1/0" })));
        Assert.Equal([false, true], points.Select(p => p.IsNoticedIn(new HashSet<string> { "sev1/sev1/1" })));
    }

    [Fact]
    public void IsNoticedIn_UpdateCycleKeys_AreUnchanged()
    {
        var clock = Case(WithRules(Rule("upd-breach", Target.UpdateName, Breach)), "2", MondayNine, Reply("2026-03-02T10:00:00Z"));

        var point = Assert.Single(clock.EscalationsBetween(Parse.Instant("2026-03-02T10:30:00Z"), BeforeOpening, WeekEnd));

        Assert.Null(point.LegacyKey);
        Assert.True(point.IsNoticedIn(new HashSet<string> { $"update/upd-breach/{Parse.Instant("2026-03-02T10:00:00Z").ToUnixTimeSeconds()}/0" }));
    }
}
