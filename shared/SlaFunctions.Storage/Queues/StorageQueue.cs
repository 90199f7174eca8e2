using Azure;
using Azure.Identity;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace SlaFunctions.Storage.Queues;

/// <summary>The escalations queue when the app runs standalone: an Azure Storage Queue (Azurite locally) carrying
/// the same message body as the Service Bus queue in Azure. It carries text; what the text means (a notice) is the
/// application's business.</summary>
public class StorageQueue
{
    private readonly QueueClient _queue;
    private volatile bool _created;

    /// <summary>The queue named in <paramref name="options"/>.</summary>
    public StorageQueue(StorageOptions options)
        : this(options, options?.QueueName!)
    {
    }

    /// <summary>The queue <paramref name="name"/> in the account <paramref name="options"/> reach.</summary>
    public StorageQueue(StorageOptions options, string name)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(name);
        _queue = options.QueueEndpoint is { } endpoint
            ? new QueueClient(new Uri(endpoint, name), options.ClientId is null
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)))
            : new QueueClient(options.ConnectionString, name);
    }

    /// <summary>Enqueues <paramref name="message"/>, creating the queue on first use.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        await Guard(() => _queue.SendMessageAsync(message, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="count"/> messages, each hidden from other readers for
    /// <paramref name="visibility"/> unless deleted first.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int count, TimeSpan visibility, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var received = await Guard(() => _queue.ReceiveMessagesAsync(count, visibility, cancellationToken)).ConfigureAwait(false);
        return received.Value;
    }

    /// <summary>Removes a handled message.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await Guard(() => _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken)).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Its visibility ran out and another reader took it: that reader deletes it.
        }
    }

    /// <summary>How many messages wait (approximately), for tests and health.</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var properties = await Guard(() => _queue.GetPropertiesAsync(cancellationToken)).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }

    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await Guard(() => _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken)).ConfigureAwait(false);
            _created = true;
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException { Status: 0 or 408 or 429 or >= 500 } or AuthenticationFailedException or HttpRequestException)
        {
            throw new StorageUnavailableException("The Storage Queue failed.", ex);
        }
    }
}
