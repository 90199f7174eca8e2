using System.Collections.Concurrent;
using SlaFunctions.Notices;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>A queue that keeps what the sweep sends, as the Functions host's output binding does for one invocation.</summary>
public sealed class CollectedNotices : INoticeQueue
{
    private readonly ConcurrentQueue<Notice> _notices = new();

    public IReadOnlyList<Notice> All => [.. _notices];

    public Task SendAsync(Notice notice, CancellationToken cancellationToken)
    {
        // Through the wire format, as every transport carries it.
        _notices.Enqueue(NoticeJson.Read(NoticeJson.ToBytes(notice)));
        return Task.CompletedTask;
    }
}
