using NodaTime;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Engine.Clocks;

/// <summary>Lists the phases each target of a case enters, run by run: running at the run's start, at risk at its
/// first warning point, then breached at due, or met or stopped where the run ended.</summary>
internal static class TargetChangePlanner
{
    public static IReadOnlyList<TargetChange> Plan(Policy policy, CaseTimeline timeline, CaseState state, Instant after, Instant until)
    {
        var changes = new List<TargetChange>();
        foreach (var status in state.Targets)
        {
            var from = TargetPhase.NotStarted;
            for (var i = 0; i < status.Cycles.Count; i++)
            {
                var cycle = status.Cycles[i];
                var isLast = i == status.Cycles.Count - 1;
                var (breachAt, end) = isLast ? LastOutcome(status, cycle) : EarlierOutcome(cycle);
                // The status knows the due of a run paused after it breached; its clock, paused open-ended, does not.
                var due = isLast ? status.DueAt ?? status.BreachedAt ?? cycle.Clock.Due : cycle.Clock.Due;
                var run = new List<(TargetPhase Phase, Instant At)> { (TargetPhase.Running, cycle.Clock.Start) };
                // A warning counts only while the run is neither breached nor ended; a forecast one only up to until.
                var warningUntil = breachAt ?? end?.At ?? until;
                if (EscalationPlanner.FirstWarning(policy, status, cycle, timeline, warningUntil) is { } warning
                    && (breachAt is not { } breach || warning < breach) && (end is not { } ended || warning < ended.At))
                {
                    run.Add((TargetPhase.AtRisk, warning));
                }
                if (breachAt is { } breached)
                {
                    run.Add((TargetPhase.Breached, breached));
                }
                if (end is { } last)
                {
                    run.Add(last);
                }
                foreach (var (phase, at) in run)
                {
                    // A run never ends before it starts (a custom target raised while the case is solved stops at once).
                    var when = at < cycle.Clock.Start ? cycle.Clock.Start : at;
                    changes.Add(new TargetChange
                    {
                        Name = status.Name,
                        Target = status.Target,
                        From = from,
                        To = phase,
                        At = when,
                        RunStartedAt = cycle.Clock.Start,
                        DueAt = due,
                    });
                    from = phase;
                }
            }
        }
        // A stable sort: at one instant, an earlier run first, then each target's changes in the order entered, the
        // targets in policy order.
        return [.. changes
            .Where(c => c.At > after && c.At <= until)
            .OrderBy(c => c.At)
            .ThenBy(c => c.RunStartedAt)];
    }

    // The run the status describes: its state says how it ended, or when it breaches if nothing else happens.
    private static (Instant? BreachAt, (TargetPhase Phase, Instant At)? End) LastOutcome(TargetStatus status, ClockCycle cycle) => status.State switch
    {
        TargetState.Running => (status.DueAt, null),
        // A cadence that starts by itself is forecast: it breaches at its due unless a reply comes first.
        TargetState.NotStarted => (cycle.Clock.Due, null),
        TargetState.Met => (null, (TargetPhase.Met, status.MetAt!.Value)),
        TargetState.Stopped => (null, (TargetPhase.Stopped, cycle.EndedAt!.Value)),
        // Whether met late, stopped late or still unmet, a breached run is announced only as breached.
        TargetState.Breached => (status.BreachedAt, null),
        _ => (null, null),
    };

    // An earlier run: an update cycle ended by the reply that started the next, a custom target's earlier run, met or
    // stopped, or a run a severity change replaced; breached when its due passed before that.
    private static (Instant? BreachAt, (TargetPhase Phase, Instant At)? End) EarlierOutcome(ClockCycle cycle) =>
        cycle.Clock.Due is { } due && cycle.EndedAt is { } ended && (cycle.Ending == RunEnding.Stopped ? due <= ended : due < ended)
            ? (due, null)
            : (null, (cycle.Ending == RunEnding.Met ? TargetPhase.Met : TargetPhase.Stopped, cycle.EndedAt!.Value));
}
