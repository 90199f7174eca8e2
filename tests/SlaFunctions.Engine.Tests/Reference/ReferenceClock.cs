using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>A deliberately naive reading of the clock rules (the spec and the README's "How the clocks count") for one
/// generated case: every due and every point is found by walking minutes, and nothing is shared with the engine but the
/// case's data.</summary>
/// <remarks>Choices the README writes down, read here independently: a severity without the target leaves the clock in
/// force as it was (nothing to recompute with); a run during which no severity had the target is judged by the target
/// as the answer lists it, never frozen as a breach; a target the current severity lacks is judged as it stood just
/// before the case left the last severity having it, and its runs end there; restart and carry over keep the replaced
/// run; a severityRaised target runs once per entry into a severity that has it. The update cadence's
/// <c>startAfter</c> is counted on the listed target's calendar; a custom target's <c>startOn</c> and <c>metBy</c>,
/// resolution's <c>metBy</c> and update's <c>stopOn</c> are read from the listed target (the generators keep them the
/// same across severities).</remarks>
internal sealed class ReferenceClock
{
    private static readonly Milestone[] AgentReply = [Milestone.AgentReply];
    private readonly CaseDescription _story;
    private readonly MinuteWindow _window;
    private readonly Dictionary<string, OpenMinutes> _calendars = [];

    public ReferenceClock(CaseDescription story, MinuteWindow window)
    {
        _story = story;
        _window = window;
    }

    private PolicyDescription Policy => _story.Policy;

    /// <summary>Each target's status at <paramref name="asOf"/>: the current severity's targets in policy order, then
    /// any target it lacks that was met or breached before the case last left a severity having it.</summary>
    public IReadOnlyList<ReferenceTargetStatus> StateAt(Instant asOf) => [.. Judge(asOf).Select(j => j.Status)];

    /// <summary>The escalation points in (<paramref name="after"/>, <paramref name="until"/>] as the case stands at
    /// <paramref name="asOf"/>.</summary>
    public IReadOnlyList<ReferencePoint> EscalationsBetween(Instant asOf, Instant after, Instant until)
    {
        var timeline = new ReferenceTimeline(_story, asOf);
        var judged = Judge(asOf);
        var points = new List<ReferencePoint>();
        foreach (var rule in Policy.Rules)
        {
            if (rule.IsEvent)
            {
                points.AddRange(new EventPoints(Policy, timeline).For(rule));
                continue;
            }
            foreach (var run in judged.Where(j => j.Status.Name == rule.Target).SelectMany(j => j.Runs))
            {
                points.AddRange(new ClockPoints(timeline, run, until).For(rule));
            }
        }
        return [.. points.Where(p => p.At > after && p.At <= until).OrderBy(p => p.At).ThenBy(p => p.Key, StringComparer.Ordinal)];
    }

    private List<(ReferenceTargetStatus Status, List<ReferenceRun> Runs)> Judge(Instant asOf)
    {
        var timeline = new ReferenceTimeline(_story, asOf);
        var current = timeline.Severities[^1].Severity;
        var result = new List<(ReferenceTargetStatus, List<ReferenceRun>)>();
        foreach (var target in Policy.Severity(current).Targets)
        {
            if (JudgeTarget(timeline, target, asOf) is { } judged)
            {
                result.Add(judged);
            }
        }
        var lacking = Policy.Severities.SelectMany(s => s.Targets).Select(t => t.Name).Distinct()
            .Where(name => Policy.Severity(current).Find(name) is null);
        foreach (var name in lacking)
        {
            var periods = timeline.Severities;
            var last = periods.FindLastIndex(p => Policy.Severity(p.Severity).Find(name) is not null);
            if (last < 0)
            {
                continue;
            }
            // Judged as it stood just before the case left the last severity that had it ("met or breached before
            // the case left"): events at that instant, such as a workaround that both meets and lowers, do not count.
            var left = periods[last + 1].From;
            var then = new ReferenceTimeline(_story, left - Duration.Epsilon);
            // Its runs end there too: no point of a target the case no longer has is listed at or after that moment.
            if (JudgeTarget(then, Policy.Severity(periods[last].Severity).Find(name)!, left) is { } judged
                && judged.Status.State is TargetState.Met or TargetState.Breached)
            {
                result.Add((judged.Status, [.. judged.Runs.Select(r => r.EndedAt is null ? r with { EndedAt = left } : r)]));
            }
        }
        return result;
    }

    private (ReferenceTargetStatus Status, List<ReferenceRun> Runs)? JudgeTarget(ReferenceTimeline timeline, TargetDescription target, Instant asOf) =>
        target.Kind switch
        {
            TargetKind.FirstResponse => FirstResponse(timeline, target, asOf),
            TargetKind.Resolution => Resolution(timeline, target, asOf),
            TargetKind.Update => Update(timeline, target, asOf),
            TargetKind.NextReply => NextReply(timeline, target, asOf),
            TargetKind.Team => Team(timeline, target, asOf),
            _ => Custom(timeline, target, asOf),
        };

    private (ReferenceTargetStatus, List<ReferenceRun>)? FirstResponse(ReferenceTimeline timeline, TargetDescription target, Instant asOf)
    {
        var start = timeline.OpenedAt;
        var reply = timeline.First(AgentReply, start);
        var solved = timeline.First([Milestone.Solved], start);
        if (solved is { } s && (reply is not { } r || s < r))
        {
            return Single(timeline, target, start, s, RunEnd.Stopped, [], asOf);
        }
        return reply is { } met
            ? Single(timeline, target, start, met, RunEnd.Met, [], asOf)
            : Single(timeline, target, start, null, RunEnd.Running, [], asOf);
    }

    private (ReferenceTargetStatus, List<ReferenceRun>)? Resolution(ReferenceTimeline timeline, TargetDescription target, Instant asOf)
    {
        var start = timeline.OpenedAt;
        var pauses = PausesOf(timeline);
        var milestone = target.MetBy.Length == 0 ? null : timeline.First(target.MetBy, start);
        var met = Earliest(milestone, timeline.SolvedSince());
        return met is { } m
            ? Single(timeline, target, start, m, RunEnd.Met, pauses, asOf)
            : Single(timeline, target, start, null, RunEnd.Running, pauses, asOf);
    }

    private (ReferenceTargetStatus, List<ReferenceRun>)? Update(ReferenceTimeline timeline, TargetDescription target, Instant asOf)
    {
        var pauses = PausesOf(timeline);
        var stopAt = Earliest(target.StopOn.Length == 0 ? null : timeline.First(target.StopOn, timeline.OpenedAt), timeline.SolvedSince());
        var replies = timeline.Milestones.Where(m => m.Milestone == Milestone.AgentReply).Select(m => m.At).Distinct().ToList();
        List<Instant> starts;
        if (target.StartAfterMinutes is { } after)
        {
            var first = AddOpenMinutes(target.Calendar, timeline.OpenedAt, after);
            starts = [first, .. replies.Where(r => r > first)];
        }
        else
        {
            starts = replies;
        }
        starts = [.. starts.Where(s => stopAt is not { } stop || s < stop)];
        var runs = new List<ReferenceRun>();
        ReferenceTargetStatus? shown = null;
        for (var i = 0; i < starts.Count; i++)
        {
            if (starts[i] > asOf)
            {
                // A cadence that starts by itself is forecast, so its points can be placed.
                var forecast = Build(Policy.Severity(timeline.SeverityAt(starts[i])).Find(target.Name) ?? target, starts[i], pauses)!;
                runs.Add(new ReferenceRun(target.Name, forecast, null));
                break;
            }
            var (end, kind) = i + 1 < starts.Count && starts[i + 1] <= asOf ? (starts[i + 1], RunEnd.Met)
                : stopAt is { } stop ? (stop, RunEnd.Stopped)
                : ((Instant?)null, RunEnd.Running);
            if (Single(timeline, target, starts[i], end, kind, pauses, asOf) is { } judged)
            {
                runs.AddRange(judged.Item2);
                shown = judged.Item1;
            }
        }
        shown ??= new ReferenceTargetStatus(target.Name, stopAt is null ? TargetState.NotStarted : TargetState.Stopped, null, null, null, null, null);
        return (shown, runs);
    }

    // Each run paused like the update cadence; one the current solved spell began after is not a run; a solve before
    // its reply stops it.
    private (ReferenceTargetStatus, List<ReferenceRun>)? NextReply(ReferenceTimeline timeline, TargetDescription target, Instant asOf)
    {
        var pauses = PausesOf(timeline);
        var solved = timeline.SolvedSince();
        var runs = new List<ReferenceRun>();
        ReferenceTargetStatus? shown = null;
        foreach (var (start, reply) in timeline.NextReplyRuns().Where(r => solved is not { } s || r.Start < s))
        {
            var (end, kind) = reply is { } met && (solved is not { } s || met <= s) ? (reply, RunEnd.Met)
                : solved is { } stop ? (stop, RunEnd.Stopped)
                : ((Instant?)null, RunEnd.Running);
            if (Single(timeline, target, start, end, kind, pauses, asOf) is { } judged)
            {
                runs.AddRange(judged.Item2);
                shown = judged.Item1;
            }
        }
        return (shown ?? new ReferenceTargetStatus(target.Name, TargetState.NotStarted, null, null, null, null, null), runs);
    }

    // Each spell of the team met at its end (a hand-on or a solve); paused on pauseOn only (a solve ends the spell).
    private (ReferenceTargetStatus, List<ReferenceRun>)? Team(ReferenceTimeline timeline, TargetDescription target, Instant asOf)
    {
        var pauses = timeline.Stretches(s => Policy.PauseOn.Contains(s));
        var runs = new List<ReferenceRun>();
        ReferenceTargetStatus? shown = null;
        foreach (var (start, end) in timeline.TeamSpells(target.Team!))
        {
            if (Single(timeline, target, start, end, end is null ? RunEnd.Running : RunEnd.Met, pauses, asOf) is { } judged)
            {
                runs.AddRange(judged.Item2);
                shown = judged.Item1;
            }
        }
        return (shown ?? new ReferenceTargetStatus(target.Name, TargetState.NotStarted, null, null, null, null, null), runs);
    }

    private (ReferenceTargetStatus, List<ReferenceRun>)? Custom(ReferenceTimeline timeline, TargetDescription target, Instant asOf)
    {
        var metBy = target.MetBy.Length == 0 ? AgentReply : target.MetBy;
        if (target.StartOn == TargetStart.Pending)
        {
            var statuses = timeline.Statuses;
            var runs = new List<ReferenceRun>();
            ReferenceTargetStatus? shown = null;
            for (var i = 0; i < statuses.Count; i++)
            {
                if (statuses[i].Status != CaseStatus.Pending)
                {
                    continue;
                }
                var start = statuses[i].From;
                Instant? end = i + 1 < statuses.Count ? statuses[i + 1].From : null;
                var judged = CustomRun(timeline, target, metBy, start, end, asOf);
                if (judged is { } j)
                {
                    runs.AddRange(j.Item2);
                    shown = j.Item1;
                }
            }
            return (shown ?? new ReferenceTargetStatus(target.Name, TargetState.NotStarted, null, null, null, null, null), runs);
        }
        var stops = metBy.Contains(Milestone.Solved) ? null : timeline.SolvedSince();
        if (target.StartOn == TargetStart.SeverityRaised)
        {
            // Each entry into a severity that has the target is a run, judged by that severity's target, ending at the
            // next change (stopped unless met) or, for the last, at a solve.
            var periods = timeline.Severities;
            var runs = new List<ReferenceRun>();
            ReferenceTargetStatus? shown = null;
            for (var i = 0; i < periods.Count; i++)
            {
                if (Policy.Severity(periods[i].Severity).Find(target.Name) is not { } own)
                {
                    continue;
                }
                Instant? end = i + 1 < periods.Count ? periods[i + 1].From : stops;
                var clock = Build(own, periods[i].From, [])!;
                var kind = timeline.First(metBy, periods[i].From) is { } met && (end is not { } limit || met <= limit) ? RunEnd.Met
                    : end is null ? RunEnd.Running : RunEnd.Stopped;
                var at = kind == RunEnd.Met ? timeline.First(metBy, periods[i].From) : end;
                var judged = JudgeRun(own.Name, clock, at, kind, [], asOf);
                runs.AddRange(judged.Item2);
                shown = judged.Item1;
            }
            return (shown ?? new ReferenceTargetStatus(target.Name, TargetState.NotStarted, null, null, null, null, null), runs);
        }
        return CustomRun(timeline, target, metBy, timeline.OpenedAt, stops, asOf);
    }

    private (ReferenceTargetStatus, List<ReferenceRun>)? CustomRun(ReferenceTimeline timeline, TargetDescription target, Milestone[] metBy, Instant start, Instant? end, Instant asOf)
    {
        if (timeline.First(metBy, start) is { } met && (end is not { } limit || met <= limit))
        {
            return Single(timeline, target, start, met, RunEnd.Met, [], asOf);
        }
        return end is { } stop
            ? Single(timeline, target, start, stop, RunEnd.Stopped, [], asOf)
            : Single(timeline, target, start, null, RunEnd.Running, [], asOf);
    }

    // One run: its clock through the severity changes (freeze rule), then its state at asOf.
    private (ReferenceTargetStatus, List<ReferenceRun>)? Single(
        ReferenceTimeline timeline, TargetDescription target, Instant start, Instant? end, RunEnd kind, List<(Instant Start, Instant? End)> pauses, Instant asOf)
    {
        var runPauses = end is { } cut
            ? [.. pauses.Where(p => p.Start < cut).Select(p => p.End is { } e && e <= cut ? p : (p.Start, (Instant?)cut))]
            : pauses;
        // A run during which no severity had the target is judged by the target as the answer lists it.
        var replaced = new List<ReferenceRun>();
        var clock = ClockThroughChanges(timeline, target, start, end ?? asOf, runPauses, replaced);
        var judged = JudgeRun(target.Name, clock, end, kind, runPauses, asOf);
        return (judged.Item1, [.. replaced, .. judged.Item2]);
    }

    // One run's state at asOf from its final clock and how it ended.
    private static (ReferenceTargetStatus, List<ReferenceRun>) JudgeRun(
        string name, RunClock clock, Instant? end, RunEnd kind, List<(Instant Start, Instant? End)> runPauses, Instant asOf)
    {
        var run = new List<ReferenceRun> { new(name, clock, end) };
        switch (kind)
        {
            case RunEnd.Met:
            {
                var due = clock.Due!.Value;
                var late = end!.Value > due;
                return (new ReferenceTargetStatus(name, late ? TargetState.Breached : TargetState.Met, clock.Start, due, end, late ? due : null, null), run);
            }
            case RunEnd.Stopped:
            {
                var due = clock.Due!.Value;
                return due <= end!.Value
                    ? (new ReferenceTargetStatus(name, TargetState.Breached, clock.Start, due, null, due, null), run)
                    : (new ReferenceTargetStatus(name, TargetState.Stopped, clock.Start, null, null, null, null), run);
            }
            default:
            {
                if (runPauses.Count > 0 && runPauses[^1].End is null)
                {
                    var pausedSince = runPauses[^1].Start;
                    var without = clock.WithPauses(runPauses.Take(runPauses.Count - 1).ToList()).Due!.Value;
                    // The pause moves the due only if it holds back open time before it.
                    return clock.OpenMinutesBetween(pausedSince, without) == 0 && without < asOf
                        ? (new ReferenceTargetStatus(name, TargetState.Breached, clock.Start, without, null, without, null), run)
                        : (new ReferenceTargetStatus(name, TargetState.Paused, clock.Start, null, null, null, null), run);
                }
                var due = clock.Due!.Value;
                return due < asOf
                    ? (new ReferenceTargetStatus(name, TargetState.Breached, clock.Start, due, null, due, null), run)
                    : (new ReferenceTargetStatus(name, TargetState.Running, clock.Start, due, null, null, Duration.FromMinutes(clock.GoalMinutes - clock.UsedAt(asOf))), run);
            }
        }
    }

    // Walks the severity changes X with start < X <= until: a clock already due before X freezes (breached); otherwise
    // it is recomputed under the new severity (fromStart, restart or carryOver). A severity without the target leaves
    // the clock as it was; null when no severity in force during the run had the target.
    // Under restart and carryOver, each clock a change replaces is a run of its own that ends at the change.
    // A target the severity at the start lacks is judged, until a severity that has it comes, as the answer lists it,
    // and that stand-in never freezes as a breach.
    private RunClock ClockThroughChanges(ReferenceTimeline timeline, TargetDescription listed, Instant start, Instant until, List<(Instant Start, Instant? End)> pauses, List<ReferenceRun> replaced)
    {
        var name = listed.Name;
        var own = Policy.Severity(timeline.SeverityAt(start)).Find(name);
        var standIn = own is null;
        var clock = Build(own ?? listed, start, pauses)!;
        var periods = timeline.Severities;
        for (var i = 1; i < periods.Count; i++)
        {
            var x = periods[i].From;
            // A change while the case is solved or closed leaves the clock as it stood.
            if (x <= start || x > until || ReferenceTimeline.IsSolved(timeline.StatusAt(x)))
            {
                continue;
            }
            if (!standIn && clock.Due is { } due && due < x)
            {
                break;
            }
            if (Policy.Severity(periods[i].Severity).Find(name) is not { } next)
            {
                continue;
            }
            if (Policy.OnSeverityChange != SeverityChangeRule.FromStart)
            {
                replaced.Add(new ReferenceRun(name, clock, x));
            }
            standIn = false;
            clock = Policy.OnSeverityChange switch
            {
                SeverityChangeRule.FromStart => Build(next, start, pauses)!,
                SeverityChangeRule.Restart => Build(next, x, pauses)!,
                _ => CarryOver(timeline, name, next, start, x, pauses),
            };
        }
        return clock;
    }

    private RunClock CarryOver(ReferenceTimeline timeline, string name, TargetDescription next, Instant start, Instant change, List<(Instant Start, Instant? End)> pauses)
    {
        var used = 0;
        var periods = timeline.Severities;
        for (var i = 0; i < periods.Count && periods[i].From < change; i++)
        {
            var from = periods[i].From > start ? periods[i].From : start;
            var to = i + 1 < periods.Count && periods[i + 1].From < change ? periods[i + 1].From : change;
            if (to > from && Policy.Severity(periods[i].Severity).Find(name) is { } earlier)
            {
                used += RunClock.OpenTime(_window, Open(earlier.Calendar), from, 0, pauses).UsedAt(to);
            }
        }
        var goal = next.BusinessDays is { } days
            ? RunClock.BusinessDays(_window, Open(next.Calendar), change, days, pauses).GoalMinutes
            : next.GoalMinutes!.Value;
        return RunClock.OpenTime(_window, Open(next.Calendar), change, Math.Max(0, goal - used), pauses);
    }

    private RunClock? Build(TargetDescription? target, Instant start, List<(Instant Start, Instant? End)> pauses) =>
        target is null ? null
        : target.BusinessDays is { } days ? RunClock.BusinessDays(_window, Open(target.Calendar), start, days, pauses)
        : RunClock.OpenTime(_window, Open(target.Calendar), start, target.GoalMinutes!.Value, pauses);

    private List<(Instant Start, Instant? End)> PausesOf(ReferenceTimeline timeline) =>
        timeline.Stretches(s => Policy.PauseOn.Contains(s) || ReferenceTimeline.IsSolved(s));

    private Instant AddOpenMinutes(CalendarDescription calendar, Instant from, int minutes) =>
        RunClock.OpenTime(_window, Open(calendar), from, minutes, []).Due!.Value;

    private OpenMinutes Open(CalendarDescription calendar)
    {
        if (!_calendars.TryGetValue(calendar.Name, out var open))
        {
            open = new OpenMinutes(calendar, _window);
            _calendars[calendar.Name] = open;
        }
        return open;
    }

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private enum RunEnd
    {
        Running,
        Met,
        Stopped,
    }
}
