using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Storage.Queues;

namespace SlaFunctions.Standalone;

/// <summary>Standalone, the sender's trigger: reads the Storage Queue and hands each message to the inbox, deleting
/// it when handled. Like the Service Bus trigger in Azure, a message that fails is delivered again (when its
/// visibility runs out) and, after <see cref="MaxDeliveries"/> tries, is dead-lettered into the poison list.</summary>
/// <remarks>An empty queue is read again after <see cref="Idle"/>, or at once when this process's sweep has queued
/// notices (<see cref="NoticeQueueWake"/>): notices another instance queued wait at most that long.</remarks>
public sealed partial class NoticeQueueListener : QueueListener
{
    /// <summary>Deliveries before a message is dead-lettered, as Service Bus's max delivery count.</summary>
    public const int MaxDeliveries = 10;

    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(5);
    /// <summary>How long an empty queue waits before it is read again, unless woken.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    private readonly StorageNoticeQueue _queue;
    private readonly NoticeQueueWake _wake;
    private readonly INoticeInbox _inbox;
    private readonly ILogger<NoticeQueueListener> _logger;

    /// <summary>Creates the listener.</summary>
    public NoticeQueueListener(StorageNoticeQueue queue, NoticeQueueWake wake, INoticeInbox inbox, ILogger<NoticeQueueListener> logger)
        : base(Idle)
    {
        _queue = queue;
        _wake = wake;
        _inbox = inbox;
        _logger = logger;
    }

    /// <summary>Reads and handles one batch; returns how many messages it read.</summary>
    public override async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        var messages = await _queue.ReceiveAsync(16, Visibility, cancellationToken).ConfigureAwait(false);
        foreach (var message in messages)
        {
            if (message.DequeueCount > MaxDeliveries)
            {
                await _inbox.DeadLetterAsync(message.Body.ToMemory(), $"Delivered {message.DequeueCount - 1} times without success.", cancellationToken).ConfigureAwait(false);
                await _queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
                continue;
            }
            try
            {
                await _inbox.ReceiveAsync(message.Body.ToMemory(), (int)message.DequeueCount, cancellationToken).ConfigureAwait(false);
                await _queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left on the queue: it comes back when its visibility runs out.
                Failed(_logger, message.MessageId, (int)message.DequeueCount, ex);
            }
        }
        return messages.Count;
    }

    /// <inheritdoc/>
    protected override Task WaitWhileEmptyAsync(TimeSpan idle, CancellationToken cancellationToken) => _wake.WaitAsync(idle, cancellationToken);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Notice message {MessageId} failed on delivery {Delivery}; it will be delivered again")]
    private static partial void Failed(ILogger logger, string messageId, int delivery, Exception exception);

    /// <inheritdoc/>
    protected override void QueueDown(Exception exception) => Unreadable(_logger, exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "The notice queue cannot be read; trying again")]
    private static partial void Unreadable(ILogger logger, Exception exception);
}
