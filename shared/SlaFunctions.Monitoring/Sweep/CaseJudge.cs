using NodaTime;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Telemetry;
using SlaFunctions.Notices;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>Judges one case at one instant for the sweep: writes a notice to the outbox for every escalation point come
/// due (and, for the webhook endpoints that hear of the case, for every target change of state), marks them noticed in
/// the case, and leaves the case indexed at its next check.</summary>
/// <remarks>A notice is written to the outbox before its point is marked noticed in the case: a death in between writes
/// it again, and the sender's per-recipient claims drop the second copy. The case is judged once per attempt; only when
/// a webhook changed it between the read and the commit is it judged again.</remarks>
public sealed partial class CaseJudge
{
    private const int Attempts = 3;
    private readonly CaseTables _tables;
    private readonly PolicyCatalog _policies;
    private readonly WebhookOptions _connections;
    private readonly HookOptions _hooks;
    private readonly ILogger<CaseJudge> _logger;

    /// <summary>Judges cases of <paramref name="tables"/> under <paramref name="policies"/>.</summary>
    public CaseJudge(CaseTables tables, PolicyCatalog policies, WebhookOptions connections, HookOptions hooks, ILogger<CaseJudge> logger)
    {
        _tables = tables;
        _policies = policies;
        _connections = connections;
        _hooks = hooks;
        _logger = logger;
    }

    /// <summary>Judges the case <paramref name="key"/> at <paramref name="now"/>, found in the due index at
    /// <paramref name="rows"/> (removed, apart from its next check).</summary>
    /// <returns>The notices it put in the outbox, as written: the caller queues them (or leaves them to the next
    /// sweep's outbox read).</returns>
    /// <exception cref="StorageUnavailableException">Storage failed, or the case kept changing; the next sweep tries
    /// again.</exception>
    public async Task<IReadOnlyList<OutboxEntry>> JudgeAsync(CaseStore store, CaseKey key, IReadOnlyCollection<Instant> rows, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(rows);
        // Notices already in the outbox from an earlier round of this loop.
        var outboxed = new HashSet<string>(StringComparer.Ordinal);
        var written = new List<OutboxEntry>();
        for (var attempt = 0; attempt < Attempts;)
        {
            var record = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                await ReindexAsync(store, key, rows, keep: null, cancellationToken).ConfigureAwait(false);
                return written;
            }
            if (!_policies.TryGet(record.Snapshot.PolicyId, record.Snapshot.OpenedAt, out var policy))
            {
                UnknownPolicy(_logger, key, record.Snapshot.PolicyId);
                return written;
            }
            var endpoints = _hooks.EndpointsFor(key.Connection, policy.Id);
            var plan = SweepPlan.For(policy, record, now, endpoints.Count > 0);
            var marks = plan.MarkKeys;
            if (marks.Count == 0 && plan.Evaluation.NextCheckAt == record.Snapshot.NextCheckAt)
            {
                await ReindexAsync(store, key, rows, record.Snapshot.NextCheckAt, cancellationToken).ConfigureAwait(false);
                return written;
            }

            // The notices go to the outbox before the points are marked noticed in the case.
            var customer = record.Snapshot.Customer ?? (_connections.TryFind(key.Connection, out var connection) ? connection.Customer : null);
            var notices = plan.Send.Select(point => NoticeComposer.Compose(policy, plan.Evaluation.Clock, record.Snapshot, customer, point, now))
                .Concat(plan.Announce.Select(change => NoticeComposer.Compose(policy, plan.Evaluation.Clock, record.Snapshot, customer, change, endpoints, now)));
            foreach (var notice in notices.Where(n => !outboxed.Contains(n.Key)))
            {
                written.Add(await _tables.Outbox.PutAsync(notice.Id, NoticeJson.ToText(notice), now, cancellationToken).ConfigureAwait(false));
                outboxed.Add(notice.Key);
            }

            var stale = false;
            var more = false;
            Instant? next = null;
            var outcome = await store.CommitAsync(key, deliveryId: null, current =>
            {
                stale = false;
                if (current is null)
                {
                    return null;
                }
                var fresh = PlanToCommit(plan, record, current, policy, now, endpoints.Count > 0);
                if (fresh.SendKeys.Any(k => !outboxed.Contains(k)))
                {
                    // A webhook changed the case since it was read and brought a point this attempt did not outbox.
                    stale = true;
                    return null;
                }
                next = fresh.Evaluation.NextCheckAt;
                // One commit marks at most CaseStore.MaxAppendsPerCommit points. A case not swept for weeks can have
                // more due (a rule repeating every few hours): the skipped ones are marked first, in rounds, and the
                // sent ones last, so until then every round plans the same notices and the outbox gets each once.
                var sent = fresh.SendKeys.ToHashSet(StringComparer.Ordinal);
                var ordered = fresh.MarkKeys.OrderBy(sent.Contains).ToList();
                more = ordered.Count > CaseStore.MaxAppendsPerCommit;
                return new CaseChange
                {
                    Snapshot = fresh.Evaluation.ApplyTo(current.Snapshot, CaseEvaluation.StatusOf(current.History)),
                    Notices = [.. ordered.Take(CaseStore.MaxAppendsPerCommit)],
                };
            }, cancellationToken).ConfigureAwait(false);
            if (stale)
            {
                attempt++;
                continue;
            }
            if (outcome == CommitOutcome.Applied)
            {
                Noticed(_logger, key, plan.Send.Count + plan.Announce.Count, marks.Count - plan.Send.Count - plan.Announce.Count);
                foreach (var _ in plan.Send.Where(p => NoticeComposer.KindOf(p.Kind) == NoticeKind.Breach))
                {
                    SlaTelemetry.Breach(policy.Id, plan.Evaluation.State.Severity.Id);
                }
            }
            if (more && outcome == CommitOutcome.Applied)
            {
                continue;
            }
            await ReindexAsync(store, key, rows, next, cancellationToken).ConfigureAwait(false);
            return written;
        }
        throw new StorageUnavailableException($"The case {key} kept changing while the sweep judged it; the next sweep tries again.");
    }

    /// <summary>The plan to commit against <paramref name="current"/>: <paramref name="planned"/>, made from the case as
    /// <paramref name="read"/>, while nobody has changed the case since; the case judged afresh when a webhook has.</summary>
    internal static SweepPlan PlanToCommit(SweepPlan planned, CaseRecord read, CaseRecord current, Policy policy, Instant now, bool announceChanges) =>
        current.Snapshot.Version == read.Snapshot.Version ? planned : SweepPlan.For(policy, current, now, announceChanges);

    // Leaves the case indexed at its next check and nowhere else among the rows read. A webhook that moves a next
    // check later writes no index row (the earlier row brings the sweep here), so the row for the later one is written
    // now, before the rows read are removed.
    private static async Task ReindexAsync(CaseStore store, CaseKey key, IReadOnlyCollection<Instant> rows, Instant? keep, CancellationToken cancellationToken)
    {
        if (keep is { } kept && !rows.Any(at => at.ToUnixTimeSeconds() == kept.ToUnixTimeSeconds()))
        {
            await store.Due.AddAsync(key, kept, cancellationToken).ConfigureAwait(false);
        }
        foreach (var at in rows)
        {
            if (keep is not { } next || next.ToUnixTimeSeconds() != at.ToUnixTimeSeconds())
            {
                await store.Due.RemoveAsync(key, at, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Case {Case}: {Sent} notices emitted, {Skipped} superseded points and changes marked")]
    private static partial void Noticed(ILogger logger, CaseKey @case, int sent, int skipped);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Case {Case} names policy {PolicyId}, which is not loaded; its notices wait until it is")]
    private static partial void UnknownPolicy(ILogger logger, CaseKey @case, string policyId);
}
