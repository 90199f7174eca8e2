using NodaTime;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Notices;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Monitoring.Telemetry;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>The sweep: reads the due index for the window since the last sweep, judges each case found, emits a notice
/// for every escalation point come due (and, for the webhook endpoints that hear of the case, for every target change of
/// state), then queues every notice in the outbox that is ready.</summary>
/// <remarks>
/// <para>Its cost grows with the cases due in the window and the notices in flight, never with all open cases.</para>
/// <para>Nothing is lost and nothing doubled when sweeps overlap or die: a notice is written to the outbox before its
/// point is marked noticed in the case (a death in between writes it again, and the sender's per-recipient claims
/// drop the second copy); it leaves the outbox only when the sender is done with it, so a lost queue message is
/// queued again after <see cref="SweepOptions.RequeueAfter"/>.</para>
/// </remarks>
public sealed partial class Sweeper : ISweep
{
    private const int Attempts = 3;
    private readonly CaseTables _tables;
    private readonly PolicyCatalog _policies;
    private readonly WebhookOptions _connections;
    private readonly HookOptions _hooks;
    private readonly SweepOptions _options;
    private readonly IClock _clock;
    private readonly ILogger<Sweeper> _logger;

    /// <summary>Creates the sweep.</summary>
    public Sweeper(CaseTables tables, PolicyCatalog policies, WebhookOptions connections, HookOptions hooks, SweepOptions options, IClock clock, ILogger<Sweeper> logger)
    {
        _tables = tables;
        _policies = policies;
        _connections = connections;
        _hooks = hooks;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task<SweepReport> RunAsync(INoticeQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        using var activity = SlaTelemetry.Source.StartActivity("sweep");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var store = await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var checkpoint = await _tables.Checkpoint.GetAsync(cancellationToken).ConfigureAwait(false) ?? now - Duration.FromTimeSpan(_options.FirstLookBack);
        var due = new Dictionary<CaseKey, List<Instant>>();
        await foreach (var (key, at) in store.Due.BetweenAsync(checkpoint - _options.OverlapDuration, now + Duration.FromSeconds(1), cancellationToken).ConfigureAwait(false))
        {
            if (!due.TryGetValue(key, out var ats))
            {
                due[key] = ats = [];
            }
            ats.Add(at);
        }

        // Lag: how long the oldest due point this sweep has still to look at has waited.
        var waiting = due.Values.SelectMany(ats => ats).Where(at => at > checkpoint && at <= now).DefaultIfEmpty(now).Min();
        SlaTelemetry.Lag((now - waiting).ToTimeSpan());
        activity?.SetTag("sla.cases", due.Count);

        var failedAt = (Instant?)null;
        var gate = new object();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, async (entry, token) =>
        {
            try
            {
                await JudgeAsync(store, entry.Key, entry.Value, now, token).ConfigureAwait(false);
            }
            // Storage failing, or anything else one case throws: the other cases are still swept, and this one is
            // read again next time, never dropped and never allowed to stop the host.
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CaseFailed(_logger, entry.Key, ex);
                lock (gate)
                {
                    var earliest = entry.Value.Min();
                    failedAt = failedAt is { } f && f < earliest ? f : earliest;
                }
            }
        }).ConfigureAwait(false);

        var queued = await QueueReadyAsync(queue, now, cancellationToken).ConfigureAwait(false);
        // A case that failed keeps the checkpoint before it, so the next sweep reads it again.
        await _tables.Checkpoint.SetAsync(failedAt is { } failed && failed < now ? failed : now, cancellationToken).ConfigureAwait(false);
        Swept(_logger, due.Count, queued);
        activity?.SetTag("sla.queued", queued);
        SlaTelemetry.Swept(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new SweepReport(due.Count, queued);
    }

    private async Task JudgeAsync(CaseStore store, CaseKey key, List<Instant> rows, Instant now, CancellationToken cancellationToken)
    {
        // Notices already in the outbox from an earlier round of this loop.
        var outboxed = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < Attempts;)
        {
            var record = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                await ReindexAsync(store, key, rows, keep: null, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (!_policies.TryGet(record.Snapshot.PolicyId, record.Snapshot.OpenedAt, out var policy))
            {
                UnknownPolicy(_logger, key, record.Snapshot.PolicyId);
                return;
            }
            var endpoints = _hooks.EndpointsFor(key.Connection, policy.Id);
            var plan = SweepPlan.For(policy, record, now, endpoints.Count > 0);
            var marks = plan.MarkKeys;
            if (marks.Count == 0 && plan.Evaluation.NextCheckAt == record.Snapshot.NextCheckAt)
            {
                await ReindexAsync(store, key, rows, record.Snapshot.NextCheckAt, cancellationToken).ConfigureAwait(false);
                return;
            }

            // The notices go to the outbox before the points are marked noticed in the case.
            var customer = _connections.TryFind(key.Connection, out var connection) ? connection.Customer : null;
            var notices = plan.Send.Select(point => NoticeComposer.Compose(policy, plan.Evaluation.Clock, record.Snapshot, customer, point, now))
                .Concat(plan.Announce.Select(change => NoticeComposer.Compose(policy, plan.Evaluation.Clock, record.Snapshot, customer, change, endpoints, now)));
            foreach (var notice in notices.Where(n => !outboxed.Contains(n.Key)))
            {
                await _tables.Outbox.PutAsync(notice.Id, NoticeJson.ToText(notice), now, cancellationToken).ConfigureAwait(false);
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
                var fresh = SweepPlan.For(policy, current, now, endpoints.Count > 0);
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
            return;
        }
        throw new StorageUnavailableException($"The case {key} kept changing while the sweep judged it; the next sweep tries again.");
    }

    // Leaves the case indexed at its next check and nowhere else among the rows read. A webhook that moves a next
    // check later writes no index row (the earlier row brings the sweep here), so the row for the later one is written
    // now, before the rows read are removed.
    private static async Task ReindexAsync(CaseStore store, CaseKey key, List<Instant> rows, Instant? keep, CancellationToken cancellationToken)
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

    private async Task<int> QueueReadyAsync(INoticeQueue queue, Instant now, CancellationToken cancellationToken)
    {
        var count = 0;
        var ready = new List<Storage.Notices.OutboxEntry>();
        await foreach (var entry in _tables.Outbox.ReadyAsync(now, now - Duration.FromTimeSpan(_options.RequeueAfter), cancellationToken).ConfigureAwait(false))
        {
            ready.Add(entry);
        }
        foreach (var entry in ready)
        {
            // Marked first: a concurrent sweep that read the same row loses the ETag race and leaves it to this one.
            if (!await _tables.Outbox.MarkQueuedAsync(entry, now, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }
            Notice notice;
            try
            {
                notice = NoticeJson.Read(entry.Body);
            }
            catch (NoticeFormatException ex)
            {
                BadOutboxEntry(_logger, entry.Id, ex);
                continue;
            }
            await queue.SendAsync(notice, cancellationToken).ConfigureAwait(false);
            count++;
        }
        return count;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Swept {Cases} cases due; queued {Notices} notices")]
    private static partial void Swept(ILogger logger, int cases, int notices);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Case {Case}: {Sent} notices emitted, {Skipped} superseded points and changes marked")]
    private static partial void Noticed(ILogger logger, CaseKey @case, int sent, int skipped);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Case {Case} names policy {PolicyId}, which is not loaded; its notices wait until it is")]
    private static partial void UnknownPolicy(ILogger logger, CaseKey @case, string policyId);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Sweeping case {Case} failed; the next sweep tries again")]
    private static partial void CaseFailed(ILogger logger, CaseKey @case, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "Outbox entry {Id} is not a notice this build reads; left in the outbox")]
    private static partial void BadOutboxEntry(ILogger logger, string id, Exception exception);
}
