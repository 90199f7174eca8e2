using System.Collections.Concurrent;
using SlaFunctions.Notices;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>A queue that keeps what the sweep sends, as the Functions host's output binding does for one invocation.</summary>
public sealed class CollectedNotices : INoticeQueue
{
    private readonly ConcurrentQueue<Notice> _notices = new();

    public IReadOnlyList<Notice> All => [.. _notices];

    public Task SendAsync(string noticeJson, CancellationToken cancellationToken)
    {
        // The wire format, as every transport carries it.
        _notices.Enqueue(NoticeJson.Read(noticeJson));
        return Task.CompletedTask;
    }
}
