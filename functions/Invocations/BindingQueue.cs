using System.Collections.Concurrent;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Notices;

namespace SlaFunctions.Invocations;

/// <summary>An output binding seen as a queue: the messages are kept, in order, and returned to the host as the
/// binding's value, one message per element. The host sends them only if the invocation succeeds.</summary>
/// <remarks>A notice is its JSON text, which starts with <c>{</c>, and a slice id starts with its hour partition's
/// digits and holds a <c>|</c>: neither reads as base64, which the host would otherwise decode into bytes before
/// sending.</remarks>
internal sealed class BindingQueue : INoticeQueue, ISliceQueue
{
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>The messages, in the order they were sent.</summary>
    public IReadOnlyList<string> Messages => [.. _messages];

    public Task SendAsync(string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        _messages.Enqueue(message);
        return Task.CompletedTask;
    }
}
