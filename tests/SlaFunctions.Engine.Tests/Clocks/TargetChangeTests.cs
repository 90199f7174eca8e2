using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>The phases targets enter (running, at risk, breached, met, stopped), as outbound webhooks announce them.
/// Cases open on Monday 2026-03-02 09:00 UTC at severity 3 of <see cref="TestPolicies.Standard"/> on 09:00-17:00 Mon-Fri:
/// first response 4h (due 13:00), update every 8h, resolution 16h (due Tuesday 17:00). The policy warns at 75% of the
/// first response (12:00) and 1h before an update is due; resolution has no warning rule, so it is never at risk.</summary>
public sealed class TargetChangeTests
{
    private const string MondayNine = "2026-03-02T09:00:00Z";
    private static readonly Instant BeforeOpening = Parse.Instant("2026-03-02T08:59:59Z");

    private static readonly Policy Warned = Standard with
    {
        Escalations =
        [
            Rule("fr-75", Target.FirstResponseName, new EscalationTrigger { Kind = EscalationTriggerKind.Percent, Percent = 75 }),
            Rule("fr-breach", Target.FirstResponseName, new EscalationTrigger { Kind = EscalationTriggerKind.Breach }),
            Rule("upd-soon", Target.UpdateName, new EscalationTrigger { Kind = EscalationTriggerKind.Before, Offset = Duration.FromHours(1) }),
        ],
    };

    [Fact]
    public void ChangesBetween_NoReply_RunningThenAtRiskThenBreached()
    {
        var changes = Past(Case(Warned, "3", MondayNine), "2026-03-02T14:00:00Z");

        Assert.Equal(
            [
                ("firstResponse", "notStarted", "running", "2026-03-02T09:00:00Z"),
                ("resolution", "notStarted", "running", "2026-03-02T09:00:00Z"), // no update until the first reply
                ("firstResponse", "running", "atRisk", "2026-03-02T12:00:00Z"), // 75% of 4h
                ("firstResponse", "atRisk", "breached", "2026-03-02T13:00:00Z"),
            ],
            changes);
    }

    [Fact]
    public void ChangesBetween_ReplyBeforeTheWarning_MetAndTheCadenceStarts()
    {
        var changes = Past(Case(Warned, "3", MondayNine, Reply("2026-03-02T11:00:00Z")), "2026-03-02T14:00:00Z");

        Assert.Equal(
            [
                ("firstResponse", "notStarted", "running", "2026-03-02T09:00:00Z"),
                ("resolution", "notStarted", "running", "2026-03-02T09:00:00Z"),
                ("firstResponse", "running", "met", "2026-03-02T11:00:00Z"),
                ("update", "notStarted", "running", "2026-03-02T11:00:00Z"),
            ],
            changes);
    }

    [Fact]
    public void ChangesBetween_LateReply_StaysBreached()
    {
        // A late reply is still a breach (spec: States): no met follows.
        var changes = Past(Case(Warned, "3", MondayNine, Reply("2026-03-02T14:00:00Z")), "2026-03-02T15:00:00Z");

        Assert.Equal(
            [
                ("firstResponse", "notStarted", "running", "2026-03-02T09:00:00Z"),
                ("resolution", "notStarted", "running", "2026-03-02T09:00:00Z"),
                ("firstResponse", "running", "atRisk", "2026-03-02T12:00:00Z"),
                ("firstResponse", "atRisk", "breached", "2026-03-02T13:00:00Z"),
                ("update", "notStarted", "running", "2026-03-02T14:00:00Z"),
            ],
            changes);
    }

    [Fact]
    public void ChangesBetween_UpdateCadence_EachCycleMetByTheNextReply()
    {
        // Replies Monday 10:00 and 16:00; an update is due 8h of support time after each, with a warning 1h before.
        // The second cycle (from 16:00, due Tuesday 16:00) is at risk at Tuesday 15:00 and breached at 16:00.
        var clock = Case(Warned, "3", MondayNine, Reply("2026-03-02T10:00:00Z"), Reply("2026-03-02T16:00:00Z"));

        var changes = clock.ChangesBetween(clock.StateAt(Parse.Instant("2026-03-03T16:30:00Z")), BeforeOpening, Parse.Instant("2026-03-03T16:30:00Z"))
            .Where(c => c.Name == Target.UpdateName)
            .Select(c => (c.Key, TargetChange.Word(c.From), TargetChange.Word(c.To), c.At));

        var first = Parse.Instant("2026-03-02T10:00:00Z").ToUnixTimeSeconds();
        var second = Parse.Instant("2026-03-02T16:00:00Z").ToUnixTimeSeconds();
        Assert.Equal(
            [
                ($"state/update/{first}/running", "notStarted", "running", Parse.Instant("2026-03-02T10:00:00Z")),
                ($"state/update/{first}/met", "running", "met", Parse.Instant("2026-03-02T16:00:00Z")),
                ($"state/update/{second}/running", "met", "running", Parse.Instant("2026-03-02T16:00:00Z")),
                ($"state/update/{second}/atRisk", "running", "atRisk", Parse.Instant("2026-03-03T15:00:00Z")),
                ($"state/update/{second}/breached", "atRisk", "breached", Parse.Instant("2026-03-03T16:00:00Z")),
            ],
            changes);
    }

    [Fact]
    public void ChangesBetween_SolvedBeforeAnyReply_FirstResponseStoppedAndResolutionMet()
    {
        var changes = Past(Case(Warned, "3", MondayNine, Solved("2026-03-02T10:00:00Z")), "2026-03-02T14:00:00Z");

        Assert.Equal(
            [
                ("firstResponse", "notStarted", "running", "2026-03-02T09:00:00Z"),
                ("resolution", "notStarted", "running", "2026-03-02T09:00:00Z"),
                ("firstResponse", "running", "stopped", "2026-03-02T10:00:00Z"),
                ("resolution", "running", "met", "2026-03-02T10:00:00Z"),
            ],
            changes);
    }

    [Fact]
    public void ChangesBetween_AfterNow_ForecastsTheWarningsAndDues()
    {
        var clock = Case(Warned, "3", MondayNine);
        var now = Parse.Instant("2026-03-02T10:00:00Z");

        var changes = clock.ChangesBetween(clock.StateAt(now), now, now + Duration.FromDays(7));

        Assert.Equal(
            [
                ("firstResponse", "atRisk", Parse.Instant("2026-03-02T12:00:00Z")),
                ("firstResponse", "breached", Parse.Instant("2026-03-02T13:00:00Z")),
                ("resolution", "breached", Parse.Instant("2026-03-03T17:00:00Z")), // 8h Monday + 8h Tuesday
            ],
            changes.Select(c => (c.Name, TargetChange.Word(c.To), c.At)));
    }

    [Fact]
    public void ChangesBetween_CadenceThatStartsByItself_ForecastsItsStart()
    {
        // startAfter 2h: the cadence runs from 11:00 without waiting for a reply.
        var policy = Warned with { Severities = [Severity("3", null, FirstResponse("4h"), Update("8h", startAfter: "2h"), Resolution("16h"))] };
        var clock = Case(policy, "3", MondayNine);
        var now = Parse.Instant("2026-03-02T10:00:00Z");

        var start = clock.ChangesBetween(clock.StateAt(now), now, now + Duration.FromDays(7)).First(c => c.Name == Target.UpdateName);

        Assert.Equal((TargetPhase.NotStarted, TargetPhase.Running, Parse.Instant("2026-03-02T11:00:00Z")), (start.From, start.To, start.At));
    }

    [Fact]
    public void ChangesBetween_BackDatedPauseMovesTheWarning_SameKey()
    {
        // Resolution warned at 50% (8h of 16h: Monday 17:00). A back-dated pending spell 10:00-12:00 moves it to Tuesday
        // 11:00: a different instant, the same run and phase, so the same key and no second announcement.
        var policy = Warned with { Escalations = [Rule("res-50", Target.ResolutionName, new EscalationTrigger { Kind = EscalationTriggerKind.Percent, Percent = 50 })] };
        var now = Parse.Instant("2026-03-03T12:00:00Z");
        var before = Case(policy, "3", MondayNine);
        var after = Case(policy, "3", MondayNine, Pending("2026-03-02T10:00:00Z"), Open("2026-03-02T12:00:00Z"));

        var atRisk = (before.ChangesBetween(before.StateAt(now), BeforeOpening, now).Single(c => c.To == TargetPhase.AtRisk),
            after.ChangesBetween(after.StateAt(now), BeforeOpening, now).Single(c => c.To == TargetPhase.AtRisk));

        Assert.Equal((Parse.Instant("2026-03-02T17:00:00Z"), Parse.Instant("2026-03-03T11:00:00Z")), (atRisk.Item1.At, atRisk.Item2.At));
        Assert.Equal(atRisk.Item1.Key, atRisk.Item2.Key);
        Assert.Equal($"state/resolution/{Parse.Instant(MondayNine).ToUnixTimeSeconds()}/atRisk", atRisk.Item1.Key);
    }

    [Fact]
    public void ChangesBetween_PausedAfterTheDue_BreachedAtTheDue()
    {
        // Resolution (16h, due Tuesday 17:00) goes pending on Wednesday, after it breached: the pause does not undo it.
        var clock = Case(Warned, "3", MondayNine, Reply("2026-03-02T10:00:00Z"), Pending("2026-03-04T10:00:00Z"));
        var now = Parse.Instant("2026-03-04T12:00:00Z");

        var resolution = clock.ChangesBetween(clock.StateAt(now), BeforeOpening, now).Where(c => c.Name == Target.ResolutionName);

        Assert.Equal(
            [(TargetPhase.Running, Parse.Instant(MondayNine)), (TargetPhase.Breached, Parse.Instant("2026-03-03T17:00:00Z"))],
            resolution.Select(c => (c.To, c.At)));
    }

    private static List<(string Target, string From, string To, string At)> Past(CaseClock clock, string asOf)
    {
        var now = Parse.Instant(asOf);
        return [.. clock.ChangesBetween(clock.StateAt(now), BeforeOpening, now)
            .Select(c => (c.Name, TargetChange.Word(c.From), TargetChange.Word(c.To), NodaTime.Text.InstantPattern.ExtendedIso.Format(c.At)))];
    }

    private static EscalationRule Rule(string id, string target, EscalationTrigger at) => new()
    {
        Id = id,
        Target = target,
        At = at,
        Notify = [Recipient.ForRole(RecipientRole.Assignee)],
    };
}
