using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using Xunit;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>Random case histories: the clocks depend on what happened and when, not on delivery order.</summary>
public sealed partial class CaseClockProperties
{
    private static readonly IReadOnlyList<Recipient> Assignee = [Recipient.ForRole(RecipientRole.Assignee)];

    // Every kind of target and trigger at once, pausing on pending and on hold.
    private static readonly Policy Everything = Policy(
        Severity("1", "3", FirstResponse("1h"), Update("2h"), Resolution("4h", BusinessCalendar.AlwaysOpen),
            Custom("notify", "15m", TargetStart.SeverityRaised, BusinessCalendar.AlwaysOpen, Milestone.InternalNote)) with { Aliases = ["urgent"] },
        Severity("2", "3", FirstResponse("2h"), Update("4h", startAfter: "1h", stopOn: Milestone.Eta), Resolution("8h")),
        Severity("3", null, FirstResponse("4h"), Update("8h"), Resolution("16h"),
            Custom("chase", "2h", TargetStart.Pending, null, Milestone.AgentReply))) with
    {
        PauseOn = new HashSet<CaseStatus> { CaseStatus.Pending, CaseStatus.OnHold },
        Escalations =
        [
            new() { Id = "fr-breach", Target = Target.FirstResponseName, At = new() { Kind = EscalationTriggerKind.Breach }, Every = Duration.FromHours(2), Notify = Assignee },
            new() { Id = "res-75", Target = Target.ResolutionName, At = new() { Kind = EscalationTriggerKind.Percent, Percent = 75 }, Notify = Assignee },
            new() { Id = "upd-before", Target = Target.UpdateName, At = new() { Kind = EscalationTriggerKind.Before, Offset = Duration.FromMinutes(30) }, Notify = Assignee },
            new() { Id = "sev1", At = new() { Kind = EscalationTriggerKind.SeverityEntered }, Severities = new HashSet<string> { "1" }, Notify = Assignee },
        ],
    };

    private static readonly Arbitrary<Story> Stories = (
        from rule in Gen.Elements(SeverityChangeRule.FromStart, SeverityChangeRule.Restart, SeverityChangeRule.CarryOver)
        from openedMinute in Gen.Choose(0, 365 * 24 * 60)
        from severity in Gen.Elements("1", "2", "3", "urgent")
        from count in Gen.Choose(0, 14)
        from offsets in Gen.ArrayOf(Gen.Choose(0, 14 * 24 * 60), count)
        let opened = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(openedMinute)
        let distinct = offsets.Distinct().ToArray()
        from events in Gen.CollectToArray(distinct, offset => Event(opened + Duration.FromMinutes(offset)))
        from shuffled in Gen.Shuffle(events)
        from asOfMinute in Gen.Choose(0, 16 * 24 * 60)
        select new Story(Everything with { OnSeverityChange = rule }, opened, severity, [.. events.OrderBy(e => e.At)], shuffled, opened + Duration.FromMinutes(asOfMinute)))
        .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property StateAt_ShuffledDelivery_SameAsInOrder() => Prop.ForAll(Stories, story =>
    {
        var inOrder = new CaseClock(story.Policy, new CaseHistory(story.Opened, story.Severity, story.Events));
        var shuffled = new CaseClock(story.Policy, new CaseHistory(story.Opened, story.Severity, story.Shuffled));

        var expected = inOrder.StateAt(story.AsOf);
        var actual = shuffled.StateAt(story.AsOf);

        Assert.Equal(expected.Severity.Id, actual.Severity.Id);
        Assert.Equal(Views(expected), Views(actual));
        Assert.Equal(Points(inOrder, story), Points(shuffled, story));
    });

    [Property(MaxTest = 150)]
    public Property StateAt_EventsAfterAsOf_DoNotCount() => Prop.ForAll(Stories, story =>
    {
        var whole = new CaseClock(story.Policy, new CaseHistory(story.Opened, story.Severity, story.Events));
        var sofar = new CaseClock(story.Policy, new CaseHistory(story.Opened, story.Severity, story.Events.Where(e => e.At <= story.AsOf)));

        var expected = sofar.StateAt(story.AsOf);
        var actual = whole.StateAt(story.AsOf);

        Assert.Equal(expected.Severity.Id, actual.Severity.Id);
        Assert.Equal(Views(expected), Views(actual));
    });

    private static Gen<CaseEvent> Event(Instant at) => Gen.Elements(
        CaseEvent.AgentReply(at),
        CaseEvent.AgentReply(at),
        CaseEvent.CustomerReply(at),
        CaseEvent.StatusChange(at, CaseStatus.Pending),
        CaseEvent.StatusChange(at, CaseStatus.Open),
        CaseEvent.StatusChange(at, CaseStatus.Open),
        CaseEvent.StatusChange(at, CaseStatus.OnHold),
        CaseEvent.StatusChange(at, CaseStatus.Solved),
        CaseEvent.StatusChange(at, CaseStatus.Closed),
        CaseEvent.SeverityChange(at, "1"),
        CaseEvent.SeverityChange(at, "2"),
        CaseEvent.SeverityChange(at, "3"),
        new CaseEvent { At = at, Type = CaseEventType.Workaround },
        new CaseEvent { At = at, Type = CaseEventType.Eta },
        new CaseEvent { At = at, Type = CaseEventType.InternalNote });

    private static List<(string Name, CaseClockTests.TargetView View)> Views(CaseState state) =>
        [.. state.Targets.Select(t => (t.Name, CaseClockTests.TargetView.Of(t)))];

    private static List<(string, Instant)> Points(CaseClock clock, Story story) =>
        [.. clock.EscalationsBetween(story.AsOf, story.Opened - Duration.FromSeconds(1), story.AsOf + Duration.FromDays(14)).Select(p => (p.Key, p.At))];

    /// <summary>A case: opened with a severity, events in time order and as delivered, judged at an instant.</summary>
    internal sealed record Story(Policy Policy, Instant Opened, string Severity, CaseEvent[] Events, CaseEvent[] Shuffled, Instant AsOf)
    {
        public override string ToString() =>
            $"{Policy.OnSeverityChange}, opened {Opened} at {Severity}, as of {AsOf}: " +
            string.Join("; ", Events.Select(e => $"{e.At} {e.Type} {e.Status}{e.Severity}"));
    }
}
