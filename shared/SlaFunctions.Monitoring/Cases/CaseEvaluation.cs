using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>A stored case judged under its policy at an instant: the engine's state, the targets in the preview
/// API's shape, and the case row fields derived from them (next due, next check, breached).</summary>
public sealed record CaseEvaluation
{
    // How far ahead the next check looks for an escalation point: beyond it, the due index holds the next due itself.
    private static readonly Duration Horizon = Duration.FromDays(60);

    /// <summary>The case's clocks, to judge it at other instants.</summary>
    public required CaseClock Clock { get; init; }

    /// <summary>The engine's answer.</summary>
    public required CaseState State { get; init; }

    /// <summary>Each running target's at-risk instant in its current run (see <see cref="PreviewTarget.AtRiskAt"/>);
    /// a target without warning rules has none.</summary>
    public IReadOnlyDictionary<string, Instant> AtRiskByTarget { get; init; } = new Dictionary<string, Instant>();

    /// <summary>The targets as the preview API writes them.</summary>
    public IReadOnlyList<PreviewTarget> Targets => [.. State.Targets.Select(t => PreviewCalculator.ToPreview(t) with
    {
        AtRiskAt = AtRiskByTarget.TryGetValue(t.Name, out var at) ? InstantText.Format(at) : null,
    })];

    /// <summary>The targets as the case row keeps them.</summary>
    public IReadOnlyList<TargetRecord> TargetRecords => [.. State.Targets.Select(t => new TargetRecord
    {
        Name = t.Name,
        Calendar = t.Target.Calendar.Name,
        State = t.State,
        DueAt = t.DueAt,
        BreachedAt = t.BreachedAt,
        PausedSince = t.PausedSince,
        AtRiskAt = AtRiskByTarget.TryGetValue(t.Name, out var at) ? at : null,
    })];

    /// <summary>The earliest due among running targets.</summary>
    public Instant? NextDueAt { get; init; }

    /// <summary>The earliest instant a running target is at risk (see <see cref="PreviewTarget.AtRiskAt"/>).</summary>
    public Instant? AtRiskAt { get; init; }

    /// <summary>When the sweep must next look: the next escalation point or due after the instant judged.</summary>
    public Instant? NextCheckAt { get; init; }

    /// <summary>When a webhook endpoint hears of the case, its targets' changes from opening to the look-ahead (those
    /// past and those to come if nothing else happens), in time order; otherwise empty.</summary>
    public IReadOnlyList<TargetChange> Changes { get; init; } = [];

    /// <summary>True when any target is breached.</summary>
    public bool Breached => State.Targets.Any(t => t.State == TargetState.Breached);

    /// <summary>Judges <paramref name="history"/> (opened at <paramref name="openedAt"/> with
    /// <paramref name="severity"/>) under <paramref name="policy"/> at <paramref name="asOf"/>.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="openedAt">When the case opened.</param>
    /// <param name="severity">The severity it opened with.</param>
    /// <param name="history">Its events.</param>
    /// <param name="asOf">The instant judged.</param>
    /// <param name="noticed">The points whose notices were emitted. When given, a point already past that is not
    /// among them (a back-dated event brought it) makes the next check <paramref name="asOf"/>, so the next sweep
    /// sends it.</param>
    /// <param name="announceChanges">True when a webhook endpoint hears of this case's target changes: the next check
    /// then also looks for the next change (a cadence starting by itself), and with <paramref name="noticed"/>, a
    /// change already past and not among them (a reply that met a target) makes the next check <paramref name="asOf"/>.
    /// False costs nothing extra.</param>
    public static CaseEvaluation Evaluate(Policy policy, Instant openedAt, string severity, IEnumerable<HistoryEntry> history, Instant asOf,
        IReadOnlySet<string>? noticed = null, bool announceChanges = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var clock = new CaseClock(policy, new CaseHistory(openedAt, severity, history.Select(h => h.Event)));
        var state = clock.StateAt(asOf);
        var nextDue = state.Targets.Where(t => t.State == TargetState.Running && t.DueAt is not null).Min(t => t.DueAt);
        var points = clock.EscalationsBetween(state, asOf, asOf + Horizon);
        var nextCheck = Earliest(points.Count > 0 ? points[0].At : null, nextDue);
        var changes = announceChanges ? clock.ChangesBetween(state, openedAt - Duration.Epsilon, asOf + Horizon) : [];
        nextCheck = Earliest(nextCheck, changes.FirstOrDefault(c => c.At > asOf)?.At);
        // A case that moves to a later version of its policy is judged again on that version's date (README: Policy versions).
        nextCheck = Earliest(nextCheck, clock.MovesAt > asOf ? clock.MovesAt : null);
        if (noticed is not null
            && (clock.EscalationsBetween(state, openedAt - Duration.Epsilon, asOf).Any(p => !p.IsNoticedIn(noticed))
                || changes.Any(c => c.At <= asOf && !noticed.Contains(c.Key))))
        {
            nextCheck = asOf;
        }
        var atRisk = AtRiskOf(clock, state, openedAt, asOf, changes);
        return new CaseEvaluation
        {
            Clock = clock,
            State = state,
            AtRiskByTarget = atRisk,
            NextDueAt = nextDue,
            AtRiskAt = atRisk.Count == 0 ? null : atRisk.Values.Min(),
            NextCheckAt = nextCheck,
            Changes = changes,
        };
    }

    // Each running target's at-risk instant in its current run: the atRisk change the webhooks announce, past or to
    // come (the planner counts a warning only before the due, so a target without warning rules has none).
    private static Dictionary<string, Instant> AtRiskOf(CaseClock clock, CaseState state, Instant openedAt, Instant asOf, IReadOnlyList<TargetChange> changes)
    {
        var running = state.Targets.Where(t => t.State == TargetState.Running && t.DueAt is not null).ToDictionary(t => t.Name, t => t.DueAt!.Value);
        if (running.Count == 0)
        {
            return [];
        }
        if (changes.Count == 0)
        {
            changes = clock.ChangesBetween(state, openedAt - Duration.Epsilon, asOf + Horizon);
        }
        var atRisk = new Dictionary<string, Instant>();
        foreach (var change in changes)
        {
            // Changes come in time order, so the last atRisk of a target belongs to its latest run.
            if (change.To == TargetPhase.AtRisk && running.TryGetValue(change.Name, out var due) && change.DueAt == due)
            {
                atRisk[change.Name] = change.At;
            }
        }
        return atRisk;
    }

    private static Instant? Earliest(Instant? a, Instant? b) => a is null ? b : b is null ? a : Instant.Min(a.Value, b.Value);

    /// <summary>The ticket's status after <paramref name="history"/>: its last status change, or open.</summary>
    public static CaseStatus StatusOf(IEnumerable<HistoryEntry> history) =>
        history.Where(h => h.Event.Type == CaseEventType.Status).OrderBy(h => h.Event.At).LastOrDefault()?.Event.Status ?? CaseStatus.Open;

    /// <summary><paramref name="snapshot"/> with this evaluation's derived fields.</summary>
    public CaseSnapshot ApplyTo(CaseSnapshot snapshot, CaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot with
        {
            Severity = State.Severity.Id,
            Status = PreviewWords.Status(status),
            NextDueAt = NextDueAt,
            NextCheckAt = NextCheckAt,
            AtRiskAt = AtRiskAt,
            Breached = Breached,
            Targets = TargetRecords,
            EvaluatedAt = State.AsOf,
        };
    }
}
