namespace SlaFunctions.Standalone;

/// <summary>Standalone, a queue's trigger: reads and handles batches until the app stops, pausing when the queue is
/// empty. Nothing a batch throws leaves the loop (an exception leaving it would stop the whole app).</summary>
public abstract class QueueListener : BackgroundService
{
    private readonly TimeSpan _idle;

    /// <summary>A listener that waits <paramref name="idle"/> after finding the queue empty.</summary>
    protected QueueListener(TimeSpan idle) => _idle = idle;

    /// <summary>Reads and handles one batch; returns how many messages it read.</summary>
    public abstract Task<int> DrainOnceAsync(CancellationToken cancellationToken);

    /// <summary>Logs that the queue could not be read (storage down, a refused key, a bug).</summary>
    protected abstract void QueueDown(Exception exception);

    /// <summary>Waits before reading an empty queue again: <paramref name="idle"/>, unless a listener knows better.</summary>
    protected virtual Task WaitWhileEmptyAsync(TimeSpan idle, CancellationToken cancellationToken) => Task.Delay(idle, cancellationToken);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = 0;
            try
            {
                read = await DrainOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Whatever storage answers, the listener stays and tries again.
                QueueDown(ex);
            }
            if (read == 0)
            {
                try
                {
                    await WaitWhileEmptyAsync(_idle, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
