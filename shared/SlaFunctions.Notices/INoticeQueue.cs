namespace SlaFunctions.Notices;

/// <summary>Where the sweep puts notices for the sender: an Azure Storage Queue standalone, the Service Bus output
/// binding behind the Functions host. Transports carry <see cref="NoticeJson"/>'s text and nothing else.</summary>
public interface INoticeQueue
{
    /// <summary>Enqueues a notice as <see cref="NoticeJson.ToText"/> wrote it (the outbox keeps that text, and it is
    /// sent as it is). Delivery is at least once: the sender dedupes.</summary>
    Task SendAsync(string noticeJson, CancellationToken cancellationToken);
}
