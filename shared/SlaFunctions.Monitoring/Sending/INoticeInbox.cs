namespace SlaFunctions.Monitoring.Sending;

/// <summary>Takes queue messages for the sender: each is a notice to email to its recipients. Called by the standalone
/// Storage Queue listener and by the Functions host's Service Bus trigger.</summary>
public interface INoticeInbox
{
    /// <summary>Handles one message. Returns when it is done with (sent, held for later, or set aside as poison);
    /// throws when it must be delivered again.</summary>
    /// <param name="body">The message body: a notice as <see cref="Notices.NoticeJson"/> writes it.</param>
    /// <param name="deliveryCount">How many times the queue has delivered this message, from 1.</param>
    /// <param name="cancellationToken">Cancels the work; the message is then delivered again.</param>
    /// <exception cref="Storage.StorageUnavailableException">Storage failed: deliver again later.</exception>
    Task ReceiveAsync(ReadOnlyMemory<byte> body, int deliveryCount, CancellationToken cancellationToken);

    /// <summary>Records a message the queue gave up on (Service Bus dead-letter, Storage Queue poison) where the API
    /// shows it and can replay it.</summary>
    /// <param name="body">The message body as the queue held it.</param>
    /// <param name="reason">Why the queue gave up, as it says.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task DeadLetterAsync(ReadOnlyMemory<byte> body, string reason, CancellationToken cancellationToken);
}
