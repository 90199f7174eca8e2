using NodaTime;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using SlaFunctions.Monitoring.Telemetry;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>The slice worker: reads one slice the sweep recorded (one point read), judges its cases with
/// <see cref="CaseJudge"/>, queues their notices as it goes, and forgets the slice.</summary>
/// <remarks>A case that fails stays in the due index and the slice is still forgotten: the checkpoint stayed before
/// the slice while it was open, so the next sweep reads that case again. A worker killed mid-slice leaves the slice
/// recorded: its message comes back, or the timer queues it again after <see cref="SweepOptions.SliceLease"/>.</remarks>
public sealed partial class SliceSweeper : ISliceSweep
{
    private readonly CaseTables _tables;
    private readonly DueCasesJudge _judge;
    private readonly IClock _clock;
    private readonly ILogger<SliceSweeper> _logger;

    /// <summary>Creates the worker.</summary>
    public SliceSweeper(CaseTables tables, CaseJudge judge, SweepOptions options, IClock clock, ILogger<SliceSweeper> logger)
    {
        _tables = tables;
        _judge = new DueCasesJudge(tables, judge, options, logger);
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async Task<SweepReport> RunAsync(string slice, INoticeQueue notices, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(slice);
        ArgumentNullException.ThrowIfNull(notices);
        using var activity = SlaTelemetry.Source.StartActivity("sweep slice");
        var store = await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await _tables.Slices.GetAsync(slice, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            AlreadyDone(_logger, slice);
            return new SweepReport(0, 0);
        }
        var judged = await _judge.JudgeAsync(store, found.Rows, _clock.GetCurrentInstant(), notices, cancellationToken).ConfigureAwait(false);
        await _tables.Slices.RemoveAsync(slice, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("sla.cases", judged.Cases);
        activity?.SetTag("sla.queued", judged.Queued);
        SliceSwept(_logger, slice, judged.Cases, judged.Queued);
        return new SweepReport(judged.Cases, judged.Queued);
    }

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Slice {Slice}: judged {Cases} cases; queued {Notices} notices")]
    private static partial void SliceSwept(ILogger logger, string slice, int cases, int notices);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Debug, Message = "Slice {Slice} is already done")]
    private static partial void AlreadyDone(ILogger logger, string slice);
}
