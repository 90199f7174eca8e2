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

    public TargetStatus Evaluate(Target target) => target.Kind switch
    {
        TargetKind.FirstResponse => FirstResponse(target),
        TargetKind.Resolution => Resolution(target),
        TargetKind.Update => Update(target),
        TargetKind.NextReply => NextReply(target),
        TargetKind.Team => Team(target),
        _ => Custom(target),
    };

    // Met by the first public agent reply; pauses do not stop it. A solve before any reply stops it for good: a reply
    // after it, even once the case is reopened, does not meet it (spec: What happened stays).
    private TargetStatus FirstResponse(Target target)
    {
        var start = _timeline.OpenedAt;
        var reply = _timeline.First(Reply, start);
        var solve = _timeline.First(Solve, start);
        if (reply is { } met && (solve is not { } solved || met <= solved))
        {
            return Met(ClockFor(target, start, met, []), met);
        }
        if (solve is { } stopped)
        {
            return Stopped(ClockFor(target, start, stopped, []), stopped);
        }
        return Running(ClockFor(target, start, _timeline.AsOf, []), []);
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
            return Met(ClockFor(target, start, met, Clip(pauses, met)), met);
        }
        return Running(ClockFor(target, start, _timeline.AsOf, pauses), pauses);
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
                ? new[] { new ClockCycle(ClockFor(target, planned[0], planned[0], pauses).Clock, null) }
                : [];
            return new TargetStatus { Name = target.Name, Target = target, State = stopAt is null ? TargetState.NotStarted : TargetState.Stopped, Cycles = forecast };
        }

        var cycles = new List<ClockCycle>();
        for (var i = 0; i < starts.Count - 1; i++)
        {
            var cycle = ClockFor(target, starts[i], starts[i + 1], Clip(pauses, starts[i + 1]));
            cycles.AddRange(cycle.Replaced);
            cycles.Add(new ClockCycle(cycle.Clock, starts[i + 1]));
        }
        var current = starts[^1];
        var status = stopAt is { } end
            ? Stopped(ClockFor(target, current, end, Clip(pauses, end)), end)
            : Running(ClockFor(target, current, _timeline.AsOf, pauses), pauses);
        return status with { Cycles = [.. cycles, .. status.Cycles] };
    }

    // After the first public agent reply, each customer message that follows an answered one starts a run, met by the
    // next public agent reply; more messages before that reply do not restart it. Pauses like the update cadence
    // (waiting on the customer, solved spells that were reopened); a solve stops the run it ends.
    private TargetStatus NextReply(Target target)
    {
        var pauses = _timeline.Pauses(s => _policy.PauseOn.Contains(s) || CaseTimeline.IsSolved(s));
        var stopAt = _timeline.SolvedSince();
        var runs = _timeline.UnansweredSpells().Where(r => stopAt is not { } stop || r.Start < stop).ToList();
        return MetAtEachEnd(target, runs, pauses, stopAt);
    }

    // A team target (OLA) runs through each spell in which its group holds the case and the case is not solved; the
    // spell's end (a hand-on, or a solve) meets it. Pauses while waiting on the customer.
    private TargetStatus Team(Target target)
    {
        var pauses = _timeline.Pauses(_policy.PauseOn.Contains);
        return MetAtEachEnd(target, target.Team is { } team ? _timeline.GroupSpells(team) : [], pauses, stopAt: null);
    }

    // Runs each met where it ends; the last, while it has no end, stopped at stopAt or running. The state shown is the
    // latest run's; earlier runs stay as cycles, each with its own notices.
    private TargetStatus MetAtEachEnd(Target target, List<(Instant Start, Instant? End)> runs, List<Pause> pauses, Instant? stopAt)
    {
        if (runs.Count == 0)
        {
            return new TargetStatus { Name = target.Name, Target = target, State = TargetState.NotStarted };
        }
        var earlier = new List<ClockCycle>();
        for (var i = 0; i < runs.Count - 1; i++)
        {
            var (start, end) = runs[i];
            var clock = ClockFor(target, start, end!.Value, Clip(pauses, end.Value));
            earlier.AddRange(clock.Replaced);
            earlier.Add(new ClockCycle(clock.Clock, end));
        }
        var (last, ended) = runs[^1];
        var status = ended is { } met && (stopAt is not { } solved || met <= solved) ? Met(ClockFor(target, last, met, Clip(pauses, met)), met)
            : stopAt is { } stop ? Stopped(ClockFor(target, last, stop, Clip(pauses, stop)), stop)
            : Running(ClockFor(target, last, _timeline.AsOf, pauses), pauses);
        return status with { Cycles = [.. earlier, .. status.Cycles] };
    }

    // A custom target runs from opening, from each entry into a severity that has it, or through each pending spell,
    // and is met by any of its milestones within the run. It does not pause. The state shown is the latest run's; the
    // earlier runs stay as cycles, each with its own notices.
    private TargetStatus Custom(Target target)
    {
        var runs = CustomRuns(target);
        if (runs.Count == 0)
        {
            return new TargetStatus { Name = target.Name, Target = target, State = TargetState.NotStarted };
        }
        var metBy = target.MetBy.Count == 0 ? Reply : target.MetBy;
        var earlier = new List<ClockCycle>();
        TargetStatus? status = null;
        for (var i = 0; i < runs.Count; i++)
        {
            var (start, endsAt, definition) = runs[i];
            var met = _timeline.First(metBy, start) is { } reached && (endsAt is not { } limit || reached <= limit) ? reached : (Instant?)null;
            var judgedAt = met ?? endsAt ?? _timeline.AsOf;
            var clock = definition is null ? ClockFor(target, start, judgedAt, []) : new JudgedClock(Build(definition, start, [], null), definition, []);
            if (i < runs.Count - 1)
            {
                earlier.AddRange(clock.Replaced);
                earlier.Add(new ClockCycle(clock.Clock, met ?? endsAt, met is null ? RunEnding.Stopped : RunEnding.Met));
                continue;
            }
            status = met is { } metAt ? Met(clock, metAt)
                : endsAt is { } end ? Stopped(clock, end)
                : Running(clock, []);
        }
        return status! with { Cycles = [.. earlier, .. status!.Cycles] };
    }

    // The runs of a custom target: start, end (null while it lasts), and for a run tied to a severity period, the
    // target as that severity defines it (null: judged by the severities in force, as other targets are).
    private List<(Instant Start, Instant? End, Target? Definition)> CustomRuns(Target target)
    {
        var solvedEnds = target.MetBy.Contains(Milestone.Solved) ? null : _timeline.SolvedSince();
        var runs = new List<(Instant Start, Instant? End, Target? Definition)>();
        switch (target.StartOn)
        {
            case TargetStart.Pending:
                var statuses = _timeline.StatusPeriods;
                for (var i = 0; i < statuses.Count; i++)
                {
                    if (statuses[i].Status == CaseStatus.Pending)
                    {
                        runs.Add((statuses[i].From, i + 1 < statuses.Count ? statuses[i + 1].From : null, null));
                    }
                }
                break;
            case TargetStart.SeverityRaised:
                var periods = _timeline.SeverityPeriods;
                for (var i = 0; i < periods.Count; i++)
                {
                    if (periods[i].Severity.FindTarget(target.Name) is { } definition)
                    {
                        runs.Add((periods[i].From, i + 1 < periods.Count ? periods[i + 1].From : solvedEnds, definition));
                    }
                }
                break;
            default:
                runs.Add((_timeline.OpenedAt, solvedEnds, null));
                break;
        }
        return runs;
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

    private static TargetStatus Met(JudgedClock judged, Instant metAt)
    {
        var clock = judged.Clock;
        var due = clock.Due!.Value;
        var late = metAt > due;
        return new TargetStatus
        {
            Name = judged.Definition.Name,
            Target = judged.Definition,
            State = late ? TargetState.Breached : TargetState.Met,
            StartedAt = clock.Start,
            DueAt = due,
            MetAt = metAt,
            BreachedAt = late ? due : null,
            Cycles = [.. judged.Replaced, new ClockCycle(clock, metAt)],
        };
    }

    private static TargetStatus Stopped(JudgedClock judged, Instant stoppedAt)
    {
        var clock = judged.Clock;
        var due = clock.Due!.Value;
        var breached = due <= stoppedAt;
        return new TargetStatus
        {
            Name = judged.Definition.Name,
            Target = judged.Definition,
            State = breached ? TargetState.Breached : TargetState.Stopped,
            StartedAt = clock.Start,
            DueAt = breached ? due : null,
            BreachedAt = breached ? due : null,
            Cycles = [.. judged.Replaced, new ClockCycle(clock, stoppedAt, RunEnding.Stopped)],
        };
    }

    private TargetStatus Running(JudgedClock judged, List<Pause> pauses)
    {
        var (clock, target, replaced) = judged;
        var asOf = _timeline.AsOf;
        IReadOnlyList<ClockCycle> cycles = [.. replaced, new ClockCycle(clock, null)];
        if (pauses.Count > 0 && pauses[^1].End is null && pauses[^1].Start <= asOf)
        {
            // Paused now: breached only if the pause does not move the due (it covers no open time before it: the goal
            // ran out before the pause began, or a business-day due is the opening after it) and that due has passed.
            var pausedSince = pauses[^1].Start;
            var dueBefore = clock.WithPauses(Clip(pauses, pausedSince)).Due!.Value;
            if (clock.Calendar.OpenTimeBetween(pausedSince, dueBefore) == Duration.Zero && dueBefore < asOf)
            {
                return new TargetStatus { Name = target.Name, Target = target, State = TargetState.Breached, StartedAt = clock.Start, DueAt = dueBefore, BreachedAt = dueBefore, Cycles = cycles };
            }
            return new TargetStatus { Name = target.Name, Target = target, State = TargetState.Paused, StartedAt = clock.Start, PausedSince = pausedSince, Cycles = cycles };
        }
        var due = clock.Due!.Value;
        // A due at exactly asOf has not passed yet (spec: States).
        if (asOf > due)
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
    /// <paramref name="judgedAt"/>, and the target as the severity that supplied it defines it.</summary>
    /// <remarks>Walks the severity changes after the start (spec: Severity change): a run whose due passed before a
    /// change stays breached on the clock it had; otherwise the change recomputes it, as the policy's
    /// <see cref="SeverityChangeRule"/> says (from the original start by default). A target the severity at the start
    /// lacks starts with the first severity that has it.</remarks>
    private JudgedClock ClockFor(Target target, Instant start, Instant judgedAt, List<Pause> pauses)
    {
        // A target the severity at the start lacks is judged, until a severity that has it comes, as the answer
        // lists it; that stand-in is never frozen as a breach, since nothing promised it.
        var definition = _timeline.SeverityAt(start).FindTarget(target.Name);
        var standIn = definition is null;
        definition ??= target;
        var clock = Build(definition, start, pauses, null);
        List<ClockCycle>? replaced = null;
        foreach (var (from, severity) in _timeline.SeverityPeriods)
        {
            // A change while the case is solved or closed leaves the clocks the solve stopped as they stood: a
            // reopening resumes them so, and the next change after it recomputes them.
            if (from <= start || from > judgedAt || CaseTimeline.IsSolved(_timeline.StatusAt(from)))
            {
                continue;
            }
            if (!standIn && clock.Due is { } due && due < from)
            {
                // What happened stays: breached before the change, so the change does not recompute it.
                break;
            }
            // A severity without the target leaves the clock as it was: there is nothing to recompute it with.
            if (severity.FindTarget(target.Name) is not { } next)
            {
                continue;
            }
            if (_policy.OnSeverityChange != SeverityChangeRule.FromStart)
            {
                // Restarted: the run so far ends here, and stays with its own points and notices.
                (replaced ??= []).Add(new ClockCycle(clock, from, RunEnding.Replaced));
            }
            standIn = false;
            definition = next;
            clock = _policy.OnSeverityChange switch
            {
                SeverityChangeRule.Restart => Build(next, from, pauses, null),
                SeverityChangeRule.CarryOver => CarriedOver(next, start, from, pauses),
                _ => Build(next, start, pauses, null),
            };
        }
        return new JudgedClock(clock, definition, replaced ?? []);
    }

    // Carry over: open time used under each earlier severity's own goal and calendar counts against the new goal.
    private TargetClock CarriedOver(Target target, Instant start, Instant change, List<Pause> pauses)
    {
        var used = Duration.Zero;
        var periods = _timeline.SeverityPeriods;
        for (var i = 0; i < periods.Count && periods[i].From < change; i++)
        {
            var to = i + 1 < periods.Count && periods[i + 1].From < change ? periods[i + 1].From : change;
            var from = periods[i].From > start ? periods[i].From : start;
            if (to <= from || periods[i].Severity.FindTarget(target.Name) is not { } earlier)
            {
                continue;
            }
            used += Build(earlier, from, pauses, null).UsedAt(to);
        }
        var newGoal = Build(target, change, pauses, null).Goal;
        return Build(target, change, pauses, newGoal > used ? newGoal - used : Duration.Zero);
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

    private static readonly HashSet<Milestone> Solve = [Milestone.Solved];

    /// <summary>A run's clock, the target as the severity that supplied its goal and calendar defines it, and the runs
    /// a severity change replaced before it (restart, carry over).</summary>
    private readonly record struct JudgedClock(TargetClock Clock, Target Definition, IReadOnlyList<ClockCycle> Replaced);
}
