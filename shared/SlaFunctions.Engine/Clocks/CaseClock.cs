using NodaTime;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Engine.Clocks;

/// <summary>A case's SLA clocks: its policy and history, judged at any instant.</summary>
/// <remarks>Pure: the same policy, history and instant always give the same answer, so a case can be re-evaluated
/// from its history whenever the policy or a calendar changes. Immutable and safe to share between threads.</remarks>
public sealed class CaseClock
{
    private readonly Policy _policy;
    private readonly CaseHistory _history;

    /// <summary>Creates the clocks of <paramref name="history"/> under <paramref name="policy"/>: the version of it in
    /// force when the case opened (<see cref="Policy.InForceAt"/>).</summary>
    public CaseClock(Policy policy, CaseHistory history)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        _policy = policy.InForceAt(history.OpenedAt);
        _history = history;
    }

    /// <summary>Each target's state as of <paramref name="asOf"/>, counting only events at or before it.</summary>
    /// <remarks>When the policy hands open cases to a later version (<see cref="Policy.OpenCasesMoveTo"/>) and the case
    /// opened before that version's date, from the date on the case is judged by the later version, except that a
    /// target met or breached before the date keeps that verdict as this policy gives it.</remarks>
    /// <exception cref="ArgumentException">The history names a severity the policy does not have.</exception>
    public CaseState StateAt(Instant asOf) => MoveAt(asOf) is { } move ? MovedStateAt(asOf, move) : OwnStateAt(asOf);

    /// <summary>When the case moves to a later version of its policy (<see cref="Policy.OpenCasesMoveTo"/>): that
    /// version's date, when the case opened before it; otherwise null.</summary>
    public Instant? MovesAt => _policy.OpenCasesMoveTo is { } move && _history.OpenedAt < move.EffectiveFrom ? move.EffectiveFrom : null;

    // The version the case has moved to by asOf, when it opened before that version's date.
    private PolicyVersion? MoveAt(Instant asOf) => MovesAt is { } at && asOf >= at ? _policy.OpenCasesMoveTo : null;

    // Judged by the later version, but what was decided before its date stays decided (a verdict is never re-judged by
    // a contract that came after it); a decided target the later version's severity lacks stays in the answer too.
    private CaseState MovedStateAt(Instant asOf, PolicyVersion move)
    {
        var moved = new CaseClock(move.Policy, _history).StateAt(asOf);
        var before = OwnStateAt(move.EffectiveFrom - Duration.Epsilon);
        var decided = before.Targets.Where(t => t.State is TargetState.Met or TargetState.Breached).ToList();
        if (decided.Count == 0)
        {
            return moved;
        }
        var now = OwnStateAt(asOf).Targets;
        var targets = moved.Targets.Where(t => decided.All(d => d.Name != t.Name)).ToList();
        foreach (var kept in decided)
        {
            // As this policy judges it now when still decided (a late reply sets metAt), else as it stood before the date.
            targets.Add(now.FirstOrDefault(t => t.Name == kept.Name && t.State is TargetState.Met or TargetState.Breached) ?? kept);
        }
        var order = moved.Severity.Targets.Select(t => t.Name).ToList();
        return moved with { Targets = [.. targets.OrderBy(t => order.IndexOf(t.Name) is var i && i < 0 ? int.MaxValue : i)] };
    }

    private CaseState OwnStateAt(Instant asOf)
    {
        var timeline = new CaseTimeline(_policy, _history, asOf);
        var evaluator = new TargetEvaluator(_policy, timeline);
        var targets = timeline.CurrentSeverity.Targets.Select(evaluator.Evaluate).ToList();
        foreach (var (name, leftAt) in timeline.TargetsLeft())
        {
            if (Kept(name, leftAt) is { } kept)
            {
                targets.Add(kept);
            }
        }
        return new CaseState
        {
            AsOf = asOf,
            Timeline = timeline,
            Severity = timeline.CurrentSeverity,
            Targets = targets,
        };
    }

    // A target the current severity lacks stays in the answer when it was met or breached before the case left the
    // last severity that had it (spec: Severity change), judged just before that change; its runs end there.
    private TargetStatus? Kept(string name, Instant leftAt)
    {
        var before = new CaseTimeline(_policy, _history, leftAt - Duration.Epsilon);
        if (before.CurrentSeverity.FindTarget(name) is not { } target)
        {
            return null;
        }
        var status = new TargetEvaluator(_policy, before).Evaluate(target);
        if (status.State is not (TargetState.Met or TargetState.Breached))
        {
            return null;
        }
        return status with { Cycles = [.. status.Cycles.Select(c => c.EndedAt is null || c.EndedAt > leftAt ? c with { EndedAt = leftAt } : c)] };
    }

    /// <summary>The escalation points in <c>(<paramref name="after"/>, <paramref name="until"/>]</c> as the case stands
    /// at <paramref name="asOf"/>: points already past, and points to come if nothing else happens.</summary>
    public IReadOnlyList<EscalationPoint> EscalationsBetween(Instant asOf, Instant after, Instant until) =>
        EscalationsBetween(StateAt(asOf), after, until);

    /// <summary>The escalation points in <c>(<paramref name="after"/>, <paramref name="until"/>]</c> as the case stands
    /// in <paramref name="state"/>, a state this clock gave: for callers that already judged the case, so it is not
    /// judged twice.</summary>
    public IReadOnlyList<EscalationPoint> EscalationsBetween(CaseState state, Instant after, Instant until)
    {
        ArgumentNullException.ThrowIfNull(state);
        return AcrossMove(state, after, until, EscalationPlanner.Plan, (later, from) => later.EscalationsBetween(state, from, until));
    }

    /// <summary>The phases the targets enter in <c>(<paramref name="after"/>, <paramref name="until"/>]</c> as the
    /// case stands in <paramref name="state"/>, a state this clock gave: changes already past, and those to come if
    /// nothing else happens (a run starting by itself, a warning, a due). In time order; at one instant, an earlier
    /// run's change first.</summary>
    /// <remarks>Each run of a target's clock enters running at its start, at risk at the first point of the policy's
    /// warning rules for the target (if before due), then breached at due, or met or stopped where it ended. A target
    /// the current severity does not have has no changes.</remarks>
    public IReadOnlyList<TargetChange> ChangesBetween(CaseState state, Instant after, Instant until)
    {
        ArgumentNullException.ThrowIfNull(state);
        return AcrossMove(state, after, until, TargetChangePlanner.Plan, (later, from) => later.ChangesBetween(state, from, until));
    }

    // Without a move, this policy's plan. Across one, this policy's as the case stood before the move's date, and from
    // the date on the later version's.
    private IReadOnlyList<T> AcrossMove<T>(CaseState state, Instant after, Instant until,
        Func<Policy, CaseTimeline, CaseState, Instant, Instant, IReadOnlyList<T>> plan, Func<CaseClock, Instant, IReadOnlyList<T>> later)
    {
        if (MoveAt(state.AsOf) is not { } move)
        {
            return plan(_policy, state.Timeline, state, after, until);
        }
        var cut = move.EffectiveFrom - Duration.Epsilon;
        var found = new List<T>();
        if (after < cut)
        {
            var own = OwnStateAt(cut);
            found.AddRange(plan(_policy, own.Timeline, own, after, until < cut ? until : cut));
        }
        if (until > cut)
        {
            found.AddRange(later(new CaseClock(move.Policy, _history), after > cut ? after : cut));
        }
        return found;
    }
}
