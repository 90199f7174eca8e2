using SlaFunctions.Standalone;
using Xunit;

namespace SlaFunctions.Functions.Tests.Standalone;

public sealed class NoticeQueueWakeTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    [Fact]
    public void WaitAsync_NotWoken_Waits()
    {
        using var wake = new NoticeQueueWake();

        Assert.False(wake.WaitAsync(Long, default).IsCompleted);
    }

    [Fact]
    public async Task WaitAsync_WokenBefore_ReturnsAtOnce()
    {
        using var wake = new NoticeQueueWake();
        wake.Wake();

        var waiting = wake.WaitAsync(Long, default);

        Assert.True(waiting.IsCompleted);
        Assert.True(await waiting);
    }

    [Fact]
    public async Task WaitAsync_WokenTwiceBeforeOneWait_TheNextWaitWaits()
    {
        // One read of the queue takes everything queued by both sweeps.
        using var wake = new NoticeQueueWake();
        wake.Wake();
        wake.Wake();

        Assert.True(await wake.WaitAsync(Long, default));
        Assert.False(wake.WaitAsync(Long, default).IsCompleted);
    }
}
