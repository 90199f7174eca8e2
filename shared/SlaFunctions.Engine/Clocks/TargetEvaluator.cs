using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Clocks;

/// <summary>Judges each kind of target against a case's timeline (spec: sla-semantics, Targets).</summary>
internal sealed class TargetEvaluator
{
    private readonly Policy _policy;
    private readonly CaseTimeline _timeline;

    public TargetEvaluator(Policy policy, CaseTimeline timeline)
    {
        _policy = policy;
        _timeline = timeline;
    }

    public TargetStatus Evaluate(Target target)
    {
        var status = target.Kind switch
        {
            TargetKind.FirstResponse => FirstResponse(target),
            TargetKind.Resolution => Resolution(target),
            TargetKind.Update => Update(target),
            _ => Custom(target),
        };
        // A met target is judged by the severity in force when it was met (spec: Severity change).
        return status.MetAt is { } met && _timeline.SeverityAt(met).FindTarget(target.Name) is { } then
            ? status with { Target = then }
            : status;
    }

    // Met by the first public agent reply; pauses do not stop it. Solving without a reply stops it.
    private TargetStatus FirstResponse(Target target)
    {
        var start = _timeline.OpenedAt;
        var metAt = _timeline.First(Reply, start);
        if (metAt is { } met)
        {
            return Met(target, ClockFor(target, start, met, []), met);
        }
        if (_timeline.SolvedSince() is { } solved)
        {
            return Stopped(target, ClockFor(target, start, solved, []), solved);
        }
        return Running(target, ClockFor(target, start, _timeline.AsOf, []), []);
    }

    // Met when solved (or by a metBy milestone such as a workaround, for good); pauses while waiting on the customer;
    // a solved spell that is reopened counts as a pause.
    private TargetStatus Resolution(Target target)
    {
        var start = _timeline.OpenedAt;
        var pauses = _timeline.Pauses(s => _policy.PauseOn.Contains(s) || CaseTimeline.IsSolved(s));
        var milestone = target.MetBy.Count == 0 ? null : _timeline.First(target.MetBy, start);
        if (Earliest(milestone, _timeline.SolvedSince()) is { } met)
        {
            return Met(target, ClockFor(target, start, met, Clip(pauses, met)), met);
        }
        return Running(target, ClockFor(target, start, _timeline.AsOf, pauses), pauses);
    }

    // Each public agent reply (or, with startAfter, the start point) begins a cycle of `every`; solving or a stopOn
    // milestone ends the cadence. The state shown is the current cycle's.
    private TargetStatus Update(Target target)
    {
        var opened = _timeline.OpenedAt;
        var pauses = _timeline.Pauses(s => _policy.PauseOn.Contains(s) || CaseTimeline.IsSolved(s));
        var stopAt = Earliest(_timeline.First(target.StopOn, opened), _timeline.SolvedSince());
        var planned = CycleStarts(target).Where(s => stopAt is not { } stop || s < stop).ToList();
        var starts = planned.Where(s => s <= _timeline.AsOf).ToList();
        if (starts.Count == 0)
        {
            // A cadence that starts by itself (startAfter) is forecast, so its escalation points can be placed.
            var forecast = planned.Count > 0
                ? new[] { new ClockCycle(ClockFor(target, planned[0], planned[0], pauses), null) }
                : [];
            return new TargetStatus { Name = target.Name, Target = target, State = stopAt is null ? TargetState.NotStarted : TargetState.Stopped, Cycles = forecast };
        }

        var cycles = new List<ClockCycle>();
        for (var i = 0; i < starts.Count - 1; i++)
        {
            cycles.Add(new ClockCycle(ClockFor(target, starts[i], starts[i + 1], Clip(pauses, starts[i + 1])), starts[i + 1]));
        }
        var current = starts[^1];
        TargetStatus status = stopAt is { } end
            ? Stopped(target, ClockFor(target, current, end, Clip(pauses, end)), end)
            : Running(target, ClockFor(target, current, _timeline.AsOf, pauses), pauses);
        return status with { Cycles = [.. cycles, .. status.Cycles] };
    }

    // A custom target starts on opening, on entering the current severity, or on going pending, and is met by any of
    // its milestones. It does not pause.
    private TargetStatus Custom(Target target)
    {
        var asOf = _timeline.AsOf;
        Instant start;
        Instant? endsAt;
        switch (target.StartOn)
        {
            case TargetStart.Pending:
                var periods = _timeline.StatusPeriods;
                var last = periods.Select((p, i) => (p.From, p.Status, Index: i)).LastOrDefault(p => p.Status == CaseStatus.Pending);
                if (last.Status != CaseStatus.Pending)
                {
                    return new TargetStatus { Name = target.Name, Target = target, State = TargetState.NotStarted };
                }
                start = last.From;
                endsAt = last.Index + 1 < periods.Count ? periods[last.Index + 1].From : null;
                break;
            case TargetStart.SeverityRaised:
                start = _timeline.SeveritySince(asOf);
                endsAt = target.MetBy.Contains(Milestone.Solved) ? null : _timeline.SolvedSince();
                break;
            default:
                start = _timeline.OpenedAt;
                endsAt = target.MetBy.Contains(Milestone.Solved) ? null : _timeline.SolvedSince();
                break;
        }
        var metBy = target.MetBy.Count == 0 ? Reply : target.MetBy;
        if (_timeline.First(metBy, start) is { } met && (endsAt is not { } limit || met <= limit))
        {
            return Met(target, ClockFor(target, start, met, []), met);
        }
        if (endsAt is { } end)
        {
            return Stopped(target, ClockFor(target, start, end, []), end);
        }
        return Running(target, ClockFor(target, start, asOf, []), []);
    }

    private IEnumerable<Instant> CycleStarts(Target target)
    {
        var replies = _timeline.All(Milestone.AgentReply);
        if (target.StartAfter is not { } after)
        {
            return replies.Distinct();
        }
        var first = target.Calendar.AddOpenTime(_timeline.OpenedAt, after);
        return replies.Where(r => r > first).Prepend(first).Distinct();
    }

    private static TargetStatus Met(Target target, TargetClock clock, Instant metAt)
    {
        var due = clock.Due!.Value;
        var late = metAt > due;
        return new TargetStatus
        {
            Name = target.Name,
            Target = target,
            State = late ? TargetState.Breached : TargetState.Met,
            StartedAt = clock.Start,
            DueAt = due,
            MetAt = metAt,
            BreachedAt = late ? due : null,
            Cycles = [new ClockCycle(clock, metAt)],
        };
    }

    private static TargetStatus Stopped(Target target, TargetClock clock, Instant stoppedAt)
    {
        var due = clock.Due!.Value;
        var breached = due <= stoppedAt;
        return new TargetStatus
        {
            Name = target.Name,
            Target = target,
            State = breached ? TargetState.Breached : TargetState.Stopped,
            StartedAt = clock.Start,
            DueAt = breached ? due : null,
            BreachedAt = breached ? due : null,
            Cycles = [new ClockCycle(clock, stoppedAt)],
        };
    }

    private TargetStatus Running(Target target, TargetClock clock, List<Pause> pauses)
    {
        var asOf = _timeline.AsOf;
        var cycles = new[] { new ClockCycle(clock, null) };
        if (pauses.Count > 0 && pauses[^1].End is null && pauses[^1].Start <= asOf)
        {
            // Paused now: breached only if the goal ran out before the pause began.
            var pausedSince = pauses[^1].Start;
            var before = new TargetClock(clock.Calendar, clock.Start, clock.Goal, Clip(pauses, pausedSince));
            var dueBefore = before.Due!.Value;
            if (dueBefore <= pausedSince)
            {
                return new TargetStatus { Name = target.Name, Target = target, State = TargetState.Breached, StartedAt = clock.Start, DueAt = dueBefore, BreachedAt = dueBefore, Cycles = cycles };
            }
            return new TargetStatus { Name = target.Name, Target = target, State = TargetState.Paused, StartedAt = clock.Start, PausedSince = pausedSince, Cycles = cycles };
        }
        var due = clock.Due!.Value;
        if (asOf >= due)
        {
            return new TargetStatus { Name = target.Name, Target = target, State = TargetState.Breached, StartedAt = clock.Start, DueAt = due, BreachedAt = due, Cycles = cycles };
        }
        return new TargetStatus
        {
            Name = target.Name,
            Target = target,
            State = TargetState.Running,
            StartedAt = clock.Start,
            DueAt = due,
            Remaining = clock.Goal - clock.UsedAt(asOf),
            Cycles = cycles,
        };
    }

    /// <summary>The clock of <paramref name="target"/> from <paramref name="start"/>, judged at
    /// <paramref name="judgedAt"/>: the severity in force then supplies goal and calendar, and the policy's
    /// <see cref="SeverityChangeRule"/> decides how earlier severities count.</summary>
    private TargetClock ClockFor(Target target, Instant start, Instant judgedAt, List<Pause> pauses)
    {
        var judged = _timeline.SeverityAt(judgedAt).FindTarget(target.Name) ?? target;
        var changes = _timeline.SeverityPeriods.Where(p => p.From > start && p.From <= judgedAt).ToList();
        if (_policy.OnSeverityChange == SeverityChangeRule.FromStart || changes.Count == 0)
        {
            return Build(judged, start, pauses, null);
        }
        var lastChange = changes[^1].From;
        if (_policy.OnSeverityChange == SeverityChangeRule.Restart)
        {
            return Build(judged, lastChange, pauses, null);
        }

        // Carry over: open time used under each earlier severity's own goal and calendar counts against the new goal.
        var used = Duration.Zero;
        var periods = _timeline.SeverityPeriods;
        for (var i = 0; i < periods.Count && periods[i].From < lastChange; i++)
        {
            var to = i + 1 < periods.Count ? periods[i + 1].From : lastChange;
            var from = periods[i].From > start ? periods[i].From : start;
            if (to <= from || periods[i].Severity.FindTarget(target.Name) is not { } earlier)
            {
                continue;
            }
            used += Build(earlier, from, pauses, null).UsedAt(to);
        }
        var newGoal = Build(judged, lastChange, pauses, null).Goal;
        return Build(judged, lastChange, pauses, newGoal > used ? newGoal - used : Duration.Zero);
    }

    private static TargetClock Build(Target target, Instant start, List<Pause> pauses, Duration? goal)
    {
        if (goal is null && target.Goal.BusinessDays is { } days)
        {
            var exact = target.Calendar.AddBusinessDays(start, days);
            return new TargetClock(target.Calendar, start, target.Calendar.OpenTimeBetween(start, exact), pauses, exact);
        }
        return new TargetClock(target.Calendar, start, goal ?? target.Goal.OpenTime!.Value, pauses);
    }

    /// <summary>The pauses that begin before <paramref name="at"/>, cut off there, so the clock runs on afterwards.</summary>
    private static List<Pause> Clip(List<Pause> pauses, Instant at) =>
        [.. pauses.Where(p => p.Start < at).Select(p => p.End is { } end && end <= at ? p : new Pause(p.Start, at))];

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static readonly HashSet<Milestone> Reply = [Milestone.AgentReply];
}
