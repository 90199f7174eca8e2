using NodaTime;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>What the sweep does to one case at one instant: the escalation points come due and not yet noticed, split
/// into those to send and those to mark silently; the same for the targets' changes of state when a webhook endpoint
/// hears of them; and the case judged afresh.</summary>
/// <remarks>
/// <para>A point is marked silently when sending it would only confuse: a warning whose target is no longer running
/// (met, or already breached, after a sweep was missed), or an earlier firing of a repeating rule when a later one is
/// due too.</para>
/// <para>Of the changes of one run of a target's clock, only the latest not yet announced is sent, and the earlier
/// ones are marked silently: after a missed sweep, or a reply within the minute a case opened, a receiver hears
/// <c>breached</c> (from <c>atRisk</c>) or <c>met</c> (from <c>running</c>) rather than a stale step first. Each run
/// of the update cadence is announced on its own, in order.</para>
/// <para>At most <see cref="MarkLimit"/> points and changes are marked at once (one commit of the case); changes
/// beyond go in time order to the next sweep, which the next check of now brings at once.</para>
/// </remarks>
public sealed record SweepPlan
{
    /// <summary>The most changes and points one plan marks: what one commit of the case appends. (Points alone may
    /// pass it; the sweep then marks them in rounds.)</summary>
    public const int MarkLimit = CaseStore.MaxAppendsPerCommit;

    /// <summary>The case judged at the instant.</summary>
    public required CaseEvaluation Evaluation { get; init; }

    /// <summary>Points whose notices go out.</summary>
    public required IReadOnlyList<EscalationPoint> Send { get; init; }

    /// <summary>Every point to mark noticed (those sent and those skipped).</summary>
    public required IReadOnlyList<EscalationPoint> Mark { get; init; }

    /// <summary>Changes whose state-change notices go out, in time order.</summary>
    public IReadOnlyList<TargetChange> Announce { get; init; } = [];

    /// <summary>Every change to mark noticed (those announced and those skipped).</summary>
    public IReadOnlyList<TargetChange> MarkChanges { get; init; } = [];

    /// <summary>The keys of everything this plan marks noticed.</summary>
    public IReadOnlyList<string> MarkKeys => [.. Mark.Select(p => p.Key).Concat(MarkChanges.Select(c => c.Key))];

    /// <summary>The keys of everything this plan sends.</summary>
    public IEnumerable<string> SendKeys => Send.Select(p => p.Key).Concat(Announce.Select(c => c.Key));

    /// <summary>Plans <paramref name="record"/> under <paramref name="policy"/> at <paramref name="now"/>.</summary>
    /// <param name="policy">The case's policy.</param>
    /// <param name="record">The case.</param>
    /// <param name="now">The sweep's now.</param>
    /// <param name="announceChanges">True when a webhook endpoint hears of this case's target changes.</param>
    public static SweepPlan For(Policy policy, CaseRecord record, Instant now, bool announceChanges = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(record);
        var snapshot = record.Snapshot;
        var evaluation = CaseEvaluation.Evaluate(policy, snapshot.OpenedAt, snapshot.OpenedSeverity, record.History, now, announceChanges: announceChanges);
        var due = evaluation.Clock.EscalationsBetween(evaluation.State, snapshot.OpenedAt - Duration.Epsilon, now)
            .Where(p => p.At <= now && !p.IsNoticedIn(record.Noticed))
            .ToList();
        var running = evaluation.State.Targets.Where(t => t.State == TargetState.Running).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var send = due
            .Where(p => NoticeComposer.KindOf(p.Kind) != Notices.NoticeKind.Warning || running.Contains(p.Target))
            .GroupBy(p => (p.RuleId, p.Target, p.RunStartedAt))
            .Select(g => g.MaxBy(p => p.Occurrence)!)
            .OrderBy(p => p.At)
            .ToList();
        if (!announceChanges)
        {
            return new SweepPlan { Evaluation = evaluation, Send = send, Mark = due };
        }

        var pending = evaluation.Changes
            .Where(c => c.At <= now && !record.Noticed.Contains(c.Key))
            .ToList();
        // The latest of each run is chosen among all pending changes, so a run split by the mark limit never sends a
        // step that a later change of the same run has already overtaken.
        var latest = pending.GroupBy(c => (c.Name, c.RunStartedAt)).Select(g => g.Last()).ToHashSet();
        var marked = pending.Take(Math.Max(0, MarkLimit - due.Count)).ToList();
        if (marked.Count < pending.Count)
        {
            evaluation = evaluation with { NextCheckAt = now };
        }
        return new SweepPlan
        {
            Evaluation = evaluation,
            Send = send,
            Mark = due,
            Announce = [.. marked.Where(latest.Contains)],
            MarkChanges = marked,
        };
    }
}
