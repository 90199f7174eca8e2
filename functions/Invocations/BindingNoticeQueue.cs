using System.Collections.Concurrent;
using SlaFunctions.Notices;

namespace SlaFunctions.Invocations;

/// <summary>The Service Bus output binding seen as a queue: the sweep's notices are kept, in order, and returned to
/// the host as the binding's value, one message per element. The host sends them only if the invocation succeeds.</summary>
/// <remarks>Each message is the notice's JSON text. It starts with <c>{</c>, so it never reads as base64, which the
/// host would otherwise decode into bytes before sending.</remarks>
internal sealed class BindingNoticeQueue : INoticeQueue
{
    private readonly ConcurrentQueue<string> _messages = new();

    /// <summary>The messages, in the order they were sent.</summary>
    public IReadOnlyList<string> Messages => [.. _messages];

    public Task SendAsync(string noticeJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(noticeJson);
        _messages.Enqueue(noticeJson);
        return Task.CompletedTask;
    }
}
