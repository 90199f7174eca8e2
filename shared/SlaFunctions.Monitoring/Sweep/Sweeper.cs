using NodaTime;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;
using SlaFunctions.Monitoring.Telemetry;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>The sweep's timer: reads the due index for the window since the checkpoint, judges the cases found itself
/// when they are few, and otherwise cuts them into slices for the slice workers (<see cref="SliceSweeper"/>); then
/// queues every notice in the outbox that is ready, and moves the checkpoint up to the earliest slice not yet done.</summary>
/// <remarks>
/// <para>Its cost grows with the cases due in the window and the notices in flight, never with all open cases; with
/// many due it only reads their index rows and records their slices, and any number of instances judge them.</para>
/// <para>Nothing is lost and nothing doubled when sweeps overlap or die: a notice is written to the outbox before its
/// point is marked noticed in the case (a death in between writes it again, and the sender's per-recipient claims
/// drop the second copy); it leaves the outbox only when the sender is done with it, so a lost queue message is
/// queued again after <see cref="SweepOptions.RequeueAfter"/>. A slice stays recorded until a worker has judged it,
/// holds the checkpoint before its earliest row meanwhile, and is queued again after <see cref="SweepOptions.SliceLease"/>
/// (a lost message, a worker killed mid-slice); judging it twice is safe.</para>
/// </remarks>
public sealed partial class Sweeper : ISweep
{
    private readonly CaseTables _tables;
    private readonly DueCasesJudge _judge;
    private readonly SweepOptions _options;
    private readonly IClock _clock;
    private readonly ILogger<Sweeper> _logger;

    /// <summary>Creates the sweep.</summary>
    public Sweeper(CaseTables tables, CaseJudge judge, SweepOptions options, IClock clock, ILogger<Sweeper> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tables = tables;
        _judge = new DueCasesJudge(tables, judge, options, logger);
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task<SweepReport> RunAsync(INoticeQueue notices, ISliceQueue slices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(slices);
        using var activity = SlaTelemetry.Source.StartActivity("sweep");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var store = await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var checkpoint = await _tables.Checkpoint.GetAsync(cancellationToken).ConfigureAwait(false) ?? now - Duration.FromTimeSpan(_options.FirstLookBack);
        var open = new List<SweepSlice>();
        await foreach (var slice in _tables.Slices.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            open.Add(slice);
        }
        // Rows a queued slice holds are its worker's; a row written since into its range is not, and is read here.
        var taken = open.SelectMany(s => s.Rows).Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal);
        var rows = new List<DueRow>();
        await foreach (var row in store.Due.BetweenAsync(checkpoint - _options.OverlapDuration, now + Duration.FromSeconds(1), cancellationToken).ConfigureAwait(false))
        {
            if (!taken.Contains(row.RowKey))
            {
                rows.Add(row);
            }
        }

        // Lag: how long the oldest due point this sweep has still to look at has waited.
        var waiting = rows.Select(r => r.At).Concat(open.Select(s => s.Earliest)).Where(at => at > checkpoint && at <= now).DefaultIfEmpty(now).Min();
        SlaTelemetry.Lag((now - waiting).ToTimeSpan());
        var cases = rows.Select(r => r.Key).Distinct().Count();
        activity?.SetTag("sla.cases", cases);

        var judged = new JudgedRows(0, 0, null);
        IReadOnlyList<SweepSlice> cut = [];
        if (cases <= _options.InlineCases)
        {
            judged = await _judge.JudgeAsync(store, rows, now, notices, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            cut = SweepSlicing.Cut(rows, _options.SliceCases, now);
        }
        var queuedSlices = await QueueSlicesAsync(cut, open, slices, now, cancellationToken).ConfigureAwait(false);
        var queued = judged.Queued + await QueueReadyAsync(notices, now, cancellationToken).ConfigureAwait(false);

        // The checkpoint stays before a case that failed and before every slice not yet done, so the next sweep reads
        // them again (a slice's rows are skipped while it is open, and read once it is done, in case some failed).
        var held = open.Concat(cut).Select(s => s.Earliest).Append(judged.FailedAt ?? now).Append(now).Min();
        await _tables.Checkpoint.SetAsync(held, cancellationToken).ConfigureAwait(false);
        await RetireAsync(store, held - _options.OverlapDuration - Duration.FromDays(1), cancellationToken).ConfigureAwait(false);
        Swept(_logger, cases, queued, queuedSlices);
        activity?.SetTag("sla.queued", queued);
        activity?.SetTag("sla.slices", queuedSlices);
        SlaTelemetry.Swept(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new SweepReport(cases, queued, queuedSlices);
    }

    // Records and queues the new slices, and queues again those queued before the lease whose worker never finished.
    private async Task<int> QueueSlicesAsync(IReadOnlyList<SweepSlice> cut, List<SweepSlice> open, ISliceQueue slices, Instant now, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var slice in cut)
        {
            // Recorded first: a message for a slice not recorded would be dropped by its worker as done.
            if (await _tables.Slices.AddAsync(slice, cancellationToken).ConfigureAwait(false))
            {
                await slices.SendAsync(slice.Id, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }
        var lease = now - Duration.FromTimeSpan(_options.SliceLease);
        foreach (var slice in open.Where(s => s.QueuedAt <= lease))
        {
            // Marked first: a concurrent sweep that read the same row loses the ETag race and leaves it to this one.
            if (await _tables.Slices.MarkQueuedAsync(slice, now, cancellationToken).ConfigureAwait(false))
            {
                SliceRequeued(_logger, slice.Id, slice.QueuedAt.ToDateTimeOffset());
                await slices.SendAsync(slice.Id, cancellationToken).ConfigureAwait(false);
                count++;
            }
        }
        return count;
    }

    // Drops the due index's tables of days the sweep is a day past (once a day per process). A failure here costs only
    // their space until the next try, so it is logged, never allowed to fail the sweep.
    private async Task RetireAsync(CaseStore store, Instant before, CancellationToken cancellationToken)
    {
        try
        {
            await store.Due.RetireAsync(before, cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException ex)
        {
            RetireFailed(_logger, ex);
        }
    }

    private async Task<int> QueueReadyAsync(INoticeQueue queue, Instant now, CancellationToken cancellationToken)
    {
        var count = 0;
        var ready = new List<OutboxEntry>();
        await foreach (var entry in _tables.Outbox.ReadyAsync(now, now - Duration.FromTimeSpan(_options.RequeueAfter), cancellationToken).ConfigureAwait(false))
        {
            ready.Add(entry);
        }
        foreach (var entry in ready)
        {
            if (await OutboxQueueing.QueueAsync(_tables, entry, now, queue, cancellationToken).ConfigureAwait(false))
            {
                count++;
            }
        }
        return count;
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Swept {Cases} cases due; queued {Notices} notices and {Slices} slices")]
    private static partial void Swept(ILogger logger, int cases, int notices, int slices);

    [LoggerMessage(EventId = 3008, Level = LogLevel.Warning, Message = "Dropping the due index's past days failed; the next sweep tries again")]
    private static partial void RetireFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Slice {Slice}, queued at {QueuedAt}, is not done; queued again")]
    private static partial void SliceRequeued(ILogger logger, string slice, DateTimeOffset queuedAt);
}
