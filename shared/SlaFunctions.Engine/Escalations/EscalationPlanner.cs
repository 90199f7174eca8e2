using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Escalations;

/// <summary>Places a policy's escalation rules on a case's clocks.</summary>
internal static class EscalationPlanner
{
    // A rule that repeats forever stops being listed after this many firings of one cycle.
    private const int MaxRepeats = 10_000;

    public static IReadOnlyList<EscalationPoint> Plan(Policy policy, CaseTimeline timeline, CaseState state, Instant after, Instant until)
    {
        var points = new List<EscalationPoint>();
        foreach (var rule in policy.Escalations)
        {
            if (rule.At.Kind is EscalationTriggerKind.SeverityEntered or EscalationTriggerKind.Opened)
            {
                AddEventPoints(points, rule, timeline, after, until);
                continue;
            }
            if (state.Targets.FirstOrDefault(t => t.Name == rule.Target) is not { } status)
            {
                continue;
            }
            foreach (var cycle in status.Cycles)
            {
                AddClockPoints(points, rule, status.Name, status.Target.Kind, cycle, timeline, after, until);
            }
        }
        points.Sort((a, b) => a.At.CompareTo(b.At));
        return points;
    }

    /// <summary>The earliest point of the policy's warning rules (<see cref="EscalationTrigger.IsWarning"/>) for
    /// <paramref name="target"/> on <paramref name="cycle"/>, at or before <paramref name="until"/>; null when none.</summary>
    public static Instant? FirstWarning(Policy policy, TargetStatus target, ClockCycle cycle, CaseTimeline timeline, Instant until)
    {
        var points = new List<EscalationPoint>();
        foreach (var rule in policy.Escalations.Where(r => r.Target == target.Name && r.At.IsWarning))
        {
            AddClockPoints(points, rule, target.Name, target.Target.Kind, cycle, timeline, Instant.MinValue, until);
        }
        return points.Count == 0 ? null : points.Min(p => p.At);
    }

    private static void AddEventPoints(List<EscalationPoint> points, EscalationRule rule, CaseTimeline timeline, Instant after, Instant until)
    {
        var periods = timeline.SeverityPeriods;
        var last = rule.At.Kind == EscalationTriggerKind.Opened ? 1 : periods.Count;
        // Count only entries into the rule's severities, so a late webhook about some other severity change cannot
        // renumber (and so resend) a notice already sent.
        var entered = 0;
        for (var i = 0; i < last; i++)
        {
            var (from, severity) = periods[i];
            if (!rule.AppliesTo(severity.Id))
            {
                continue;
            }
            var occurrence = entered++;
            if (from > after && from <= until)
            {
                points.Add(new EscalationPoint
                {
                    RuleId = rule.Id,
                    Target = rule.Target ?? rule.Id,
                    Occurrence = occurrence,
                    At = from,
                    Kind = rule.At.Kind,
                    Notify = rule.Notify,
                });
            }
        }
    }

    private static void AddClockPoints(List<EscalationPoint> points, EscalationRule rule, string target, TargetKind kind, ClockCycle cycle, CaseTimeline timeline, Instant after, Instant until)
    {
        if (rule.At.PositionOn(cycle.Clock.Goal) is not { } first)
        {
            return;
        }
        var isCadence = kind == TargetKind.Update;
        for (var repeat = 0; repeat < MaxRepeats; repeat++)
        {
            var position = first + (rule.Every is { } every ? every * repeat : Duration.Zero);
            if (cycle.Clock.InstantAt(position) is not { } at || at > until || (cycle.EndedAt is { } ended && at >= ended))
            {
                return;
            }
            // A rule for some severities fires only while the case has one of them: a P1 duty owes nothing for the
            // hours a case spent at P2 before it was raised.
            if (at > after && rule.AppliesTo(timeline.SeverityAt(at).Id))
            {
                points.Add(new EscalationPoint
                {
                    RuleId = rule.Id,
                    Target = target,
                    Occurrence = repeat,
                    CycleStartedAt = isCadence ? cycle.Clock.Start : null,
                    At = at,
                    Kind = rule.At.Kind,
                    Notify = rule.Notify,
                });
            }
            if (rule.Every is not { } step || step <= Duration.Zero)
            {
                return;
            }
        }
    }
}
