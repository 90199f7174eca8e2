using NodaTime;
using SlaFunctions.Notices;
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
    private readonly CaseTables _tables;
    private readonly CaseJudge _judge;
    private readonly SweepOptions _options;
    private readonly IClock _clock;
    private readonly ILogger<Sweeper> _logger;

    /// <summary>Creates the sweep.</summary>
    public Sweeper(CaseTables tables, CaseJudge judge, SweepOptions options, IClock clock, ILogger<Sweeper> logger)
    {
        _tables = tables;
        _judge = judge;
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
                await _judge.JudgeAsync(store, entry.Key, entry.Value, now, token).ConfigureAwait(false);
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
            // The outbox holds the notice's JSON as the queue carries it: sent as it is, never parsed here.
            await queue.SendAsync(entry.Body, cancellationToken).ConfigureAwait(false);
            count++;
        }
        return count;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Swept {Cases} cases due; queued {Notices} notices")]
    private static partial void Swept(ILogger logger, int cases, int notices);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Sweeping case {Case} failed; the next sweep tries again")]
    private static partial void CaseFailed(ILogger logger, CaseKey @case, Exception exception);
}
