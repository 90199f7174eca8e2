using Microsoft.Extensions.Logging.Abstractions;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Notices;
using SlaFunctions.Standalone;
using SlaFunctions.Storage;
using Xunit;

namespace SlaFunctions.Functions.Tests.Standalone;

/// <summary>The standalone timer wakes the queue listener of its process when a sweep queued notices, so they are sent
/// at once rather than at the listener's next idle read.</summary>
public sealed class SweepTimerTests
{
    [Theory]
    [InlineData(3, true)]
    [InlineData(0, false)] // nothing queued: the listener keeps its idle pace
    public async Task Sweep_QueuedNotices_WakesTheListenerOnlyThen(int queued, bool woken)
    {
        using var wake = new NoticeQueueWake();
        var sweep = new OneSweep(queued);
        // Every second, so the test does not wait for a minute to turn.
        var storage = new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" };
        using var timer = new SweepTimer(sweep, new StorageNoticeQueue(storage), new StorageSliceQueue(storage), wake,
            new SweepOptions { Schedule = "* * * * * *" }, TimeProvider.System, NullLogger<SweepTimer>.Instance);

        await timer.StartAsync(default);
        await sweep.Ran;
        await timer.StopAsync(default);

        Assert.Equal(woken, await wake.WaitAsync(TimeSpan.Zero, default));
    }

    // Reports one sweep that queued the given number of notices; later runs wait for the timer to stop.
    private sealed class OneSweep(int queued) : ISweep
    {
        private readonly TaskCompletionSource _ran = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ran => _ran.Task;

        public async Task<SweepReport> RunAsync(INoticeQueue queue, ISliceQueue slices, CancellationToken cancellationToken)
        {
            if (_ran.TrySetResult())
            {
                return new SweepReport(queued, queued);
            }
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return new SweepReport(0, 0);
        }
    }
}
