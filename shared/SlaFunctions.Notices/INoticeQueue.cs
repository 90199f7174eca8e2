namespace SlaFunctions.Notices;

/// <summary>Where the sweep puts notices for the sender: an Azure Storage Queue standalone, the Service Bus output
/// binding behind the Functions host. Transports carry <see cref="NoticeJson"/>'s bytes and nothing else.</summary>
public interface INoticeQueue
{
    /// <summary>Enqueues <paramref name="notice"/>. Delivery is at least once: the sender dedupes.</summary>
    Task SendAsync(Notice notice, CancellationToken cancellationToken);
}
