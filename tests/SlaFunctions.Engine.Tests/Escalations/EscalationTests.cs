using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Escalations;

/// <summary>Escalation points on a target's clock and on severity events, and the identity that keeps a notice from
/// being sent twice (spec: Warnings and escalations). Cases open on Monday 2026-03-02 09:00 UTC at severity 3 of
/// <see cref="TestPolicies.Standard"/> unless a test says otherwise: firstResponse 4h of 09:00-17:00, due 13:00.</summary>
public sealed partial class EscalationTests
{
    private const string MondayNine = "2026-03-02T09:00:00Z";

    // The whole week after opening, so every point of a test lies inside the window.
    private static readonly Instant BeforeOpening = Parse.Instant("2026-03-02T08:59:59Z");
    private static readonly Instant WeekEnd = Parse.Instant("2026-03-07T00:00:00Z");

    // The breach at 13:00 and its 2-hourly repeats on the clock.
    private static readonly string[] RepeatedBreaches = ["2026-03-02T13:00:00Z", "2026-03-02T15:00:00Z", "2026-03-02T17:00:00Z"];

    // Sweeps before the raise's notice, between points, after closing, two days later.
    private static readonly string[] SweepInstants = ["2026-03-02T09:45:00Z", "2026-03-02T11:00:00Z", "2026-03-02T18:00:00Z", "2026-03-04T09:00:00Z"];

    private static readonly IReadOnlyList<Recipient> OnCall = [Recipient.ForRole(RecipientRole.OnCall), Recipient.ForAddress("sla@example.com")];

    [Theory]
    [InlineData(EscalationTriggerKind.Percent, "75", "2026-03-02T12:00:00Z")] // 75% of 4h = 3h after 09:00
    [InlineData(EscalationTriggerKind.Percent, "150", "2026-03-02T15:00:00Z")] // over 100%: 6h, after due
    [InlineData(EscalationTriggerKind.Before, "30m", "2026-03-02T12:30:00Z")] // a lead of 30 min before the 13:00 due
    [InlineData(EscalationTriggerKind.Breach, "", "2026-03-02T13:00:00Z")] // at due
    [InlineData(EscalationTriggerKind.After, "2h", "2026-03-02T15:00:00Z")] // a lag of 2h after due
    [InlineData(EscalationTriggerKind.After, "6h", "2026-03-03T11:00:00Z")] // the lag is on the clock, so it skips the night: 4h Mon + 2h Tue
    [InlineData(EscalationTriggerKind.Elapsed, "1h", "2026-03-02T10:00:00Z")] // 1h of open time used
    public void EscalationsBetween_ClockTrigger_FiresAtItsPoint(EscalationTriggerKind kind, string amount, string expected)
    {
        var trigger = kind == EscalationTriggerKind.Percent
            ? new EscalationTrigger { Kind = kind, Percent = double.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) }
            : new EscalationTrigger { Kind = kind, Offset = amount.Length == 0 ? Duration.Zero : Parse.Duration(amount) };
        var clock = Case(WithRules(Rule("r", Target.FirstResponseName, trigger)), "3", MondayNine);

        var points = clock.EscalationsBetween(Parse.Instant(MondayNine), BeforeOpening, WeekEnd);

        var point = Assert.Single(points);
        Assert.Equal(("r", Target.FirstResponseName, 0, Parse.Instant(expected), kind), (point.RuleId, point.Target, point.Occurrence, point.At, point.Kind));
        Assert.Equal(OnCall, point.Notify);
    }

    [Fact]
    public void EscalationsBetween_PercentAcrossClosing_CountsOpenTime()
    {
        // Opened Monday 15:00: 75% of 4h is 3h of support time, 2h Monday and 1h Tuesday.
        var clock = Case(WithRules(Rule("r", Target.FirstResponseName, Percent(75))), "3", "2026-03-02T15:00:00Z");

        var point = Assert.Single(clock.EscalationsBetween(Parse.Instant("2026-03-02T15:00:00Z"), BeforeOpening, WeekEnd));

        Assert.Equal(Parse.Instant("2026-03-03T10:00:00Z"), point.At);
    }

    [Fact]
    public void EscalationsBetween_EveryWithoutReply_RepeatsOnTheClock()
    {
        // Breach at 13:00, then every 2h of open time: 15:00, 17:00 (used up exactly at closing), Tuesday 11:00, 13:00...
        var clock = Case(WithRules(Rule("r", Target.FirstResponseName, Breach, every: "2h")), "3", MondayNine);

        var points = clock.EscalationsBetween(Parse.Instant(MondayNine), BeforeOpening, Parse.Instant("2026-03-03T17:00:00Z"));

        Assert.Equal(
            [
                (0, Parse.Instant("2026-03-02T13:00:00Z")),
                (1, Parse.Instant("2026-03-02T15:00:00Z")),
                (2, Parse.Instant("2026-03-02T17:00:00Z")),
                (3, Parse.Instant("2026-03-03T11:00:00Z")),
                (4, Parse.Instant("2026-03-03T13:00:00Z")),
                (5, Parse.Instant("2026-03-03T15:00:00Z")),
                (6, Parse.Instant("2026-03-03T17:00:00Z")),
            ],
            points.Select(p => (p.Occurrence, p.At)));
    }

    [Theory]
    [InlineData("reply", "2026-03-03T10:00:00Z", 3)] // met on Tuesday 10:00: 13:00, 15:00 and 17:00 fired, 11:00 does not
    [InlineData("solved", "2026-03-02T16:00:00Z", 2)] // solved without a reply at 16:00: 13:00 and 15:00 only
    [InlineData("reply", "2026-03-02T12:00:00Z", 0)] // met before due: no breach, no repeats
    public void EscalationsBetween_Every_StopsOnceMetOrStopped(string ends, string at, int count)
    {
        var clock = Case(WithRules(Rule("r", Target.FirstResponseName, Breach, every: "2h")), "3", MondayNine, ends == "reply" ? Reply(at) : Solved(at));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-05T12:00:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal(
            RepeatedBreaches.Take(count).Select(Parse.Instant),
            points.Select(p => p.At));
    }

    [Fact]
    public void EscalationsBetween_MetBeforeAPoint_LaterPointsDropped()
    {
        var policy = WithRules(Rule("elapsed", Target.FirstResponseName, Elapsed("1h")), Rule("percent", Target.FirstResponseName, Percent(75)));
        var clock = Case(policy, "3", MondayNine, Reply("2026-03-02T11:00:00Z"));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T11:30:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal([("elapsed", Parse.Instant("2026-03-02T10:00:00Z"))], points.Select(p => (p.RuleId, p.At)));
    }

    [Theory]
    [InlineData("2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z", 1)] // (after, until]: the 13:00 breach is at until, included
    [InlineData("2026-03-02T13:00:00Z", "2026-03-02T14:00:00Z", 0)] // and excluded when it is at after
    [InlineData("2026-03-02T10:00:00Z", "2026-03-02T12:59:59Z", 0)] // and not yet reached
    public void EscalationsBetween_Window_AfterExclusiveUntilInclusive(string after, string until, int count)
    {
        var clock = Case(WithRules(Rule("r", Target.FirstResponseName, Breach)), "3", MondayNine);

        Assert.Equal(count, clock.EscalationsBetween(Parse.Instant(MondayNine), Parse.Instant(after), Parse.Instant(until)).Count);
    }

    [Fact]
    public void EscalationsBetween_RuleForOtherSeverity_Silent()
    {
        var rule = Rule("sev1-breach", Target.FirstResponseName, Breach) with { Severities = new HashSet<string> { "1" } };

        Assert.Empty(Case(WithRules(rule), "3", MondayNine).EscalationsBetween(Parse.Instant(MondayNine), BeforeOpening, WeekEnd));
        Assert.Equal(
            [Parse.Instant("2026-03-02T10:00:00Z")],
            Case(WithRules(rule), "1", MondayNine).EscalationsBetween(Parse.Instant(MondayNine), BeforeOpening, WeekEnd).Select(p => p.At));
    }

    [Fact]
    public void EscalationsBetween_PausedTarget_NoPointUntilResumed()
    {
        // Severity 3 resolution (16h, due Tuesday 17:00). Pending from Monday 11:00: no breach point while it lasts.
        // Reopened Wednesday 10:00: 2h used, 14h left, Wednesday 10:00-17:00 and Thursday 09:00-16:00.
        var rule = Rule("res-breach", Target.ResolutionName, Breach);
        var pending = Case(WithRules(rule), "3", MondayNine, Pending("2026-03-02T11:00:00Z"));
        var resumed = Case(WithRules(rule), "3", MondayNine, Pending("2026-03-02T11:00:00Z"), Open("2026-03-04T10:00:00Z"));

        Assert.Empty(pending.EscalationsBetween(Parse.Instant("2026-03-03T12:00:00Z"), BeforeOpening, WeekEnd));
        Assert.Equal(
            [Parse.Instant("2026-03-05T16:00:00Z")],
            resumed.EscalationsBetween(Parse.Instant("2026-03-04T10:00:00Z"), BeforeOpening, WeekEnd).Select(p => p.At));
    }

    [Fact]
    public void EscalationsBetween_UpdateCycles_OccurrencePerCycle()
    {
        // Severity 2 updates every 4h. Replies at 10:00 and 12:00: the first cycle was restarted before its 14:00 due,
        // so only the second cycle's breach at 16:00 fires: repeat 0 of the cycle that started at 12:00.
        var clock = Case(WithRules(Rule("upd-breach", Target.UpdateName, Breach)), "2", MondayNine, Reply("2026-03-02T10:00:00Z"), Reply("2026-03-02T12:00:00Z"));

        var point = Assert.Single(clock.EscalationsBetween(Parse.Instant("2026-03-02T12:30:00Z"), BeforeOpening, WeekEnd));

        Assert.Equal((Target.UpdateName, 0, Parse.Instant("2026-03-02T12:00:00Z"), Parse.Instant("2026-03-02T16:00:00Z")),
            (point.Target, point.Occurrence, (Instant?)point.RunStartedAt, point.At));
        Assert.Equal($"update/upd-breach/{Parse.Instant("2026-03-02T12:00:00Z").ToUnixTimeSeconds()}/0", point.Key);
    }

    [Theory]
    [InlineData("1", null, "2026-03-02T09:00:00Z")] // opened at severity 1: fires at opening
    [InlineData("3", "2026-03-02T11:00:00Z", "2026-03-02T11:00:00Z")] // raised to severity 1: fires at the raise
    [InlineData("3", null, null)] // never severity 1
    public void EscalationsBetween_SeverityEntered_FiresOnOpeningOrRaise(string opened, string? raised, string? expected)
    {
        var clock = raised is null
            ? Case(WithRules(SeverityOneEntered), opened, MondayNine)
            : Case(WithRules(SeverityOneEntered), opened, MondayNine, Severity(raised, "1"));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T12:00:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal(expected is null ? [] : [("sev1", "sev1", EscalationTriggerKind.SeverityEntered, Parse.Instant(expected))], points.Select(p => (p.RuleId, p.Target, p.Kind, p.At)));
    }

    [Theory]
    [InlineData("1", null, 1)] // opened at severity 1
    [InlineData("3", "2026-03-02T11:00:00Z", 0)] // raised later: not an opening
    public void EscalationsBetween_OpenedRule_OnlyAtOpening(string opened, string? raised, int count)
    {
        var rule = Rule("opened1", null, new EscalationTrigger { Kind = EscalationTriggerKind.Opened }) with { Severities = new HashSet<string> { "1" } };
        var clock = raised is null ? Case(WithRules(rule), opened, MondayNine) : Case(WithRules(rule), opened, MondayNine, Severity(raised, "1"));

        Assert.Equal(count, clock.EscalationsBetween(Parse.Instant("2026-03-02T12:00:00Z"), BeforeOpening, WeekEnd).Count);
    }

    [Fact]
    public void EscalationsBetween_SeverityOneEnteredTwice_TwoDistinctNotices()
    {
        // Raised to 1 at 10:00, lowered by a workaround at 11:00 (1 drops to 3), raised again at 14:00.
        var clock = Case(WithRules(SeverityOneEntered), "3", MondayNine, Severity("2026-03-02T10:00:00Z", "1"), Workaround("2026-03-02T11:00:00Z"), Severity("2026-03-02T14:00:00Z", "1"));

        var points = clock.EscalationsBetween(Parse.Instant("2026-03-02T15:00:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal([Parse.Instant("2026-03-02T10:00:00Z"), Parse.Instant("2026-03-02T14:00:00Z")], points.Select(p => p.At));
        Assert.NotEqual(points[0].Key, points[1].Key);
    }

    [Fact]
    public void EscalationsBetween_LaterSweeps_SameIdentities()
    {
        // Sweeps at different instants of the same history compute the same notices: same rule, target, occurrence, instant.
        var policy = WithRules(
            Rule("elapsed", Target.FirstResponseName, Elapsed("1h")),
            Rule("before", Target.FirstResponseName, new EscalationTrigger { Kind = EscalationTriggerKind.Before, Offset = Parse.Duration("30m") }),
            Rule("breach-every", Target.ResolutionName, Breach, every: "2h"),
            SeverityOneEntered);
        var clock = Case(policy, "3", MondayNine, Severity("2026-03-02T09:30:00Z", "1"));

        var sweeps = SweepInstants
            .Select(asOf => clock.EscalationsBetween(Parse.Instant(asOf), BeforeOpening, WeekEnd).Select(Identity).ToList())
            .ToList();

        Assert.All(sweeps, sweep => Assert.Equal(sweeps[0], sweep));
        var raised = Parse.Instant("2026-03-02T09:30:00Z").ToUnixTimeSeconds();
        var opened = Parse.Instant(MondayNine).ToUnixTimeSeconds();
        Assert.Contains(sweeps[0], p => p.Key == $"sev1/sev1/{raised}/0" && p.At == Parse.Instant("2026-03-02T09:30:00Z"));
        Assert.Contains(sweeps[0], p => p.Key == $"resolution/breach-every/{opened}/1" && p.At == Parse.Instant("2026-03-02T15:00:00Z"));
    }

    [Fact]
    public void EscalationsBetween_ReplyArrives_EarlierNoticesKeepIdentity()
    {
        var policy = WithRules(Rule("elapsed", Target.FirstResponseName, Elapsed("1h")), Rule("breach-every", Target.FirstResponseName, Breach, every: "1h"));
        var before = Case(policy, "3", MondayNine).EscalationsBetween(Parse.Instant("2026-03-02T14:30:00Z"), BeforeOpening, Parse.Instant("2026-03-02T14:30:00Z"));
        var after = Case(policy, "3", MondayNine, Reply("2026-03-02T14:45:00Z")).EscalationsBetween(Parse.Instant("2026-03-02T15:00:00Z"), BeforeOpening, WeekEnd);

        Assert.Equal(before.Select(Identity), after.Select(Identity));
        Assert.Equal(3, before.Count);
    }

    [Fact]
    public void EscalationsBetween_LateSeverityWebhook_SeverityOneNoticeKeepsIdentity()
    {
        // A sweep at 11:05 saw the raise to 1 at 11:00 and sent its notice. Then a webhook about a raise to 2 at 10:00
        // arrives late. The 11:00 notice is the same notice, so its identity must not change, or it is emailed twice
        // (spec: "The same notice is never emailed twice"; events out of order are placed by their own timestamp).
        var policy = WithRules(SeverityOneEntered);
        var first = Case(policy, "3", MondayNine, Severity("2026-03-02T11:00:00Z", "1"));
        var replayed = Case(policy, "3", MondayNine, Severity("2026-03-02T11:00:00Z", "1"), Severity("2026-03-02T10:00:00Z", "2"));

        var sent = Assert.Single(first.EscalationsBetween(Parse.Instant("2026-03-02T11:05:00Z"), BeforeOpening, WeekEnd));
        var again = Assert.Single(replayed.EscalationsBetween(Parse.Instant("2026-03-02T11:10:00Z"), BeforeOpening, WeekEnd));

        Assert.Equal(Identity(sent), Identity(again));
    }

    [Fact]
    public void EscalationsBetween_LateReplyWebhook_UpdateBreachNoticeKeepsIdentity()
    {
        // Severity 2 updates every 4h. Replies at 10:00 and 15:00: the 10:00 cycle was missed at 14:00 and a sweep at
        // 15:05 sent that notice. A reply from 09:30 then arrives late; it is restarted by the 10:00 reply, so the
        // 14:00 miss is still the same notice and must keep its identity (spec: never emailed twice; out of order).
        var policy = WithRules(Rule("upd-breach", Target.UpdateName, Breach));
        var first = Case(policy, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), Reply("2026-03-02T15:00:00Z"));
        var replayed = Case(policy, "2", MondayNine, Reply("2026-03-02T10:00:00Z"), Reply("2026-03-02T15:00:00Z"), Reply("2026-03-02T09:30:00Z"));
        var missed = Parse.Instant("2026-03-02T14:00:00Z");

        var sent = Assert.Single(first.EscalationsBetween(Parse.Instant("2026-03-02T15:05:00Z"), BeforeOpening, missed));
        var again = Assert.Single(replayed.EscalationsBetween(Parse.Instant("2026-03-02T15:10:00Z"), BeforeOpening, missed));

        Assert.Equal(missed, sent.At);
        Assert.Equal(Identity(sent), Identity(again));
    }

    [Fact]
    public void EscalationPoint_EventRuleOccurrence_CountsEntriesIntoMatchingSeverity()
    {
        // EscalationPoint.Occurrence: "for an event rule, the how-many-th time the case entered a matching severity".
        // Opened at 3, raised to 2, then to 1: the first entry into severity 1 is occurrence 0.
        var clock = Case(WithRules(SeverityOneEntered), "3", MondayNine, Severity("2026-03-02T10:00:00Z", "2"), Severity("2026-03-02T11:00:00Z", "1"));

        var point = Assert.Single(clock.EscalationsBetween(Parse.Instant("2026-03-02T12:00:00Z"), BeforeOpening, WeekEnd));

        Assert.Equal(0, point.Occurrence);
    }

    private static EscalationTrigger Breach { get; } = new() { Kind = EscalationTriggerKind.Breach };

    private static EscalationRule SeverityOneEntered { get; } =
        Rule("sev1", null, new EscalationTrigger { Kind = EscalationTriggerKind.SeverityEntered }) with { Severities = new HashSet<string> { "1" } };

    private static EscalationTrigger Percent(double percent) => new() { Kind = EscalationTriggerKind.Percent, Percent = percent };

    private static EscalationTrigger Elapsed(string offset) => new() { Kind = EscalationTriggerKind.Elapsed, Offset = Parse.Duration(offset) };

    private static EscalationRule Rule(string id, string? target, EscalationTrigger at, string? every = null) => new()
    {
        Id = id,
        Target = target,
        At = at,
        Every = every is null ? null : Parse.Duration(every),
        Notify = OnCall,
    };

    private static Policy WithRules(params EscalationRule[] rules) => Standard with { Escalations = rules };

    private static (string Key, Instant At) Identity(EscalationPoint point) =>
        (point.Key, point.At);
}
