using NodaTime;
using SlaFunctions.Cases;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Sweep;

/// <summary>What the sweep does to one case at one instant: the escalation points come due and not yet noticed,
/// split into those to send and those to mark silently, and the case judged afresh.</summary>
/// <remarks>A point is marked silently when sending it would only confuse: a warning whose target is no longer
/// running (met, or already breached, after a sweep was missed), or an earlier firing of a repeating rule when a later
/// one is due too.</remarks>
public sealed record SweepPlan
{
    /// <summary>The case judged at the instant.</summary>
    public required CaseEvaluation Evaluation { get; init; }

    /// <summary>Points whose notices go out.</summary>
    public required IReadOnlyList<EscalationPoint> Send { get; init; }

    /// <summary>Every point to mark noticed (those sent and those skipped).</summary>
    public required IReadOnlyList<EscalationPoint> Mark { get; init; }

    /// <summary>Plans <paramref name="record"/> under <paramref name="policy"/> at <paramref name="now"/>.</summary>
    public static SweepPlan For(Policy policy, CaseRecord record, Instant now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(record);
        var snapshot = record.Snapshot;
        var evaluation = CaseEvaluation.Evaluate(policy, snapshot.OpenedAt, snapshot.OpenedSeverity, record.History, now);
        var due = evaluation.Clock.EscalationsBetween(evaluation.State, snapshot.OpenedAt - Duration.Epsilon, now)
            .Where(p => p.At <= now && !record.Noticed.Contains(p.Key))
            .ToList();
        var running = evaluation.State.Targets.Where(t => t.State == TargetState.Running).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var send = due
            .Where(p => NoticeComposer.KindOf(p.Kind) != Notices.NoticeKind.Warning || running.Contains(p.Target))
            .GroupBy(p => (p.RuleId, p.Target, p.CycleStartedAt))
            .Select(g => g.MaxBy(p => p.Occurrence)!)
            .OrderBy(p => p.At)
            .ToList();
        return new SweepPlan { Evaluation = evaluation, Send = send, Mark = due };
    }
}
