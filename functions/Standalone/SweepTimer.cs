using Cronos;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Storage.Queues;

namespace SlaFunctions.Standalone;

/// <summary>Standalone, the sweep's trigger: runs it on <see cref="SweepOptions.Schedule"/> (UTC), sending notices to
/// the Storage Queue and slices to the slice queue, and wakes this process's queue listener when it queued notices.
/// Behind the Functions host, the timer trigger does this instead.</summary>
public sealed partial class SweepTimer : BackgroundService
{
    private readonly ISweep _sweep;
    private readonly StorageNoticeQueue _queue;
    private readonly StorageSliceQueue _slices;
    private readonly NoticeQueueWake _wake;
    private readonly CronExpression _schedule;
    private readonly TimeProvider _time;
    private readonly ILogger<SweepTimer> _logger;

    /// <summary>Creates the timer.</summary>
    public SweepTimer(ISweep sweep, StorageNoticeQueue queue, StorageSliceQueue slices, NoticeQueueWake wake, SweepOptions options, TimeProvider time, ILogger<SweepTimer> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sweep = sweep;
        _queue = queue;
        _slices = slices;
        _wake = wake;
        _schedule = SweepSchedule.TryParse(options.Schedule, out var schedule) ? schedule! : throw new ArgumentException($"Sweep:Schedule '{options.Schedule}' is not NCRONTAB.", nameof(options));
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            var next = _schedule.GetNextOccurrence(now, TimeZoneInfo.Utc) ?? now.AddMinutes(1);
            try
            {
                await Task.Delay(next - now, _time, stoppingToken).ConfigureAwait(false);
                if ((await _sweep.RunAsync(_queue, _slices, stoppingToken).ConfigureAwait(false)).Notices > 0)
                {
                    _wake.Wake();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage down or refusing the key (or a bug): the next sweep tries again; an exception leaving this
                // loop would stop the whole app.
                SweepFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "The sweep failed; the next one picks up where it stopped")]
    private static partial void SweepFailed(ILogger logger, Exception exception);
}
