using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Monitoring.Sweep;

namespace SlaFunctions.Standalone;

/// <summary>Standalone, the slice workers' trigger: reads the slice queue and judges each slice, its notices going to
/// the notice queue (waking this process's notice listener), deleting the message when done. Every instance runs one, so the instances share a big sweep. A
/// message that fails comes back when its visibility runs out; a worker killed mid-slice leaves its message to come
/// back too, and the sweep queues any slice not done within <see cref="SweepOptions.SliceLease"/> again.</summary>
public sealed partial class SliceQueueListener : QueueListener
{
    private readonly StorageSliceQueue _slices;
    private readonly StorageNoticeQueue _notices;
    private readonly NoticeQueueWake _wake;
    private readonly ISliceSweep _sweep;
    private readonly TimeSpan _visibility;
    private readonly ILogger<SliceQueueListener> _logger;

    /// <summary>Creates the listener.</summary>
    public SliceQueueListener(StorageSliceQueue slices, StorageNoticeQueue notices, NoticeQueueWake wake, ISliceSweep sweep, SweepOptions options,
        ILogger<SliceQueueListener> logger)
        : base(TimeSpan.FromSeconds(1))
    {
        ArgumentNullException.ThrowIfNull(options);
        _slices = slices;
        _notices = notices;
        _wake = wake;
        _sweep = sweep;
        _visibility = options.SliceLease;
        _logger = logger;
    }

    /// <summary>Reads and judges one slice; returns how many messages it read.</summary>
    public override async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        // One slice at a time per instance: a slice already judges its cases Sweep:Parallelism at once.
        var messages = await _slices.ReceiveAsync(1, _visibility, cancellationToken).ConfigureAwait(false);
        foreach (var message in messages)
        {
            try
            {
                var report = await _sweep.RunAsync(message.Body.ToString(), _notices, cancellationToken).ConfigureAwait(false);
                await _slices.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
                if (report.Notices > 0)
                {
                    // The notices the slice queued go out at once, not at the notice listener's next idle read.
                    _wake.Wake();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left on the queue: it comes back when its visibility runs out (the slice stays recorded meanwhile).
                Failed(_logger, message.MessageId, (int)message.DequeueCount, ex);
            }
        }
        return messages.Count;
    }

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Slice message {MessageId} failed on delivery {Delivery}; it will be delivered again")]
    private static partial void Failed(ILogger logger, string messageId, int delivery, Exception exception);

    /// <inheritdoc/>
    protected override void QueueDown(Exception exception) => Unreadable(_logger, exception);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "The slice queue cannot be read; trying again")]
    private static partial void Unreadable(ILogger logger, Exception exception);
}
