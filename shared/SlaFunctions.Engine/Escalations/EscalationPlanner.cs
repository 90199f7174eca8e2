using System.Globalization;
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
                AddEventPoints(points, policy, rule, timeline, after, until);
                continue;
            }
            if (state.Targets.FirstOrDefault(t => t.Name == rule.Target) is not { } status)
            {
                continue;
            }
            for (var i = 0; i < status.Cycles.Count; i++)
            {
                // Builds before run starts were in keys named the points of a target's first run without it (the
                // update cadence always had its cycle's start; next reply came after them).
                var legacy = i == 0 && status.Target.Kind is not (TargetKind.Update or TargetKind.NextReply or TargetKind.Team);
                AddClockPoints(points, rule, status.Name, legacy, status.Cycles[i], timeline, after, until);
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
            AddClockPoints(points, rule, target.Name, legacy: false, cycle, timeline, Instant.MinValue, until);
        }
        return points.Count == 0 ? null : points.Min(p => p.At);
    }

    // An event rule fires when the case is opened at one of its severities, or (severityEntered) raised to one: made
    // more severe, never on a lowering or a workaround's drop (spec: Warnings and escalations).
    private static void AddEventPoints(List<EscalationPoint> points, Policy policy, EscalationRule rule, CaseTimeline timeline, Instant after, Instant until)
    {
        var periods = timeline.SeverityPeriods;
        var last = rule.At.Kind == EscalationTriggerKind.Opened ? 1 : periods.Count;
        var target = rule.Target ?? rule.Id;
        // Builds before run starts were in keys numbered every entry into the rule's severities, lowerings too.
        var entered = 0;
        for (var i = 0; i < last; i++)
        {
            var (from, severity) = periods[i];
            if (!rule.AppliesTo(severity.Id))
            {
                continue;
            }
            var legacyOccurrence = entered++;
            if (i > 0 && Rank(policy, severity) >= Rank(policy, periods[i - 1].Severity))
            {
                continue;
            }
            if (from > after && from <= until)
            {
                points.Add(new EscalationPoint
                {
                    RuleId = rule.Id,
                    Target = target,
                    Occurrence = 0,
                    RunStartedAt = from,
                    LegacyKey = string.Create(CultureInfo.InvariantCulture, $"{target}/{rule.Id}/{legacyOccurrence}"),
                    At = from,
                    Kind = rule.At.Kind,
                    Notify = rule.Notify,
                });
            }
        }
    }

    // The points of a clock rule on one run. A rule for some severities fires only while the case has one of them: a
    // P1 duty owes nothing for the hours a case spent at P2 before it was raised. But a point that passed while the
    // rule was not in force fires once, late, when a change brings the rule into force, if the run is still going
    // then; of several such points, the last.
    private static void AddClockPoints(List<EscalationPoint> points, EscalationRule rule, string target, bool legacy, ClockCycle cycle, CaseTimeline timeline, Instant after, Instant until)
    {
        if (rule.At.PositionOn(cycle.Clock.Goal) is not { } first)
        {
            return;
        }
        Dictionary<Instant, EscalationPoint>? late = null;
        for (var repeat = 0; repeat < MaxRepeats; repeat++)
        {
            var position = first + (rule.Every is { } every ? every * repeat : Duration.Zero);
            if (cycle.Clock.InstantAt(position) is not { } at || at > until || (cycle.EndedAt is { } ended && at >= ended))
            {
                break;
            }
            var point = new EscalationPoint
            {
                RuleId = rule.Id,
                Target = target,
                Occurrence = repeat,
                RunStartedAt = cycle.Clock.Start,
                LegacyKey = legacy ? string.Create(CultureInfo.InvariantCulture, $"{target}/{rule.Id}/{repeat}") : null,
                At = at,
                Kind = rule.At.Kind,
                Notify = rule.Notify,
            };
            if (rule.AppliesTo(timeline.SeverityAt(at).Id))
            {
                if (at > after)
                {
                    points.Add(point);
                }
            }
            else if (InForceAfter(rule, timeline, at) is { } inForce && (cycle.EndedAt is not { } end || inForce < end))
            {
                (late ??= [])[inForce] = point with { At = inForce };
            }
            if (rule.Every is not { } step || step <= Duration.Zero)
            {
                break;
            }
        }
        if (late is not null)
        {
            points.AddRange(late.Values.Where(p => p.At > after && p.At <= until));
        }
    }

    // When the case next enters a severity the rule covers, after `at`; null when it has not (yet).
    private static Instant? InForceAfter(EscalationRule rule, CaseTimeline timeline, Instant at)
    {
        foreach (var (from, severity) in timeline.SeverityPeriods)
        {
            if (from > at && rule.AppliesTo(severity.Id))
            {
                return from;
            }
        }
        return null;
    }

    // A severity's place in the policy: lower is more severe.
    private static int Rank(Policy policy, Severity severity)
    {
        for (var i = 0; i < policy.Severities.Count; i++)
        {
            if (policy.Severities[i].Id == severity.Id)
            {
                return i;
            }
        }
        return int.MaxValue;
    }
}
