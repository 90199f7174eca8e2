namespace SlaFunctions.Standalone;

/// <summary>Standalone, how the sweep timer tells the queue listener of the same process that it has just queued
/// notices, so the listener reads them at once instead of at its next idle poll. A wake-up before the listener waits
/// is kept for its next wait; several count as one.</summary>
public sealed class NoticeQueueWake : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Wakes the listener, or makes its next wait return at once.</summary>
    public void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken and not yet waited on: one wake-up reads everything queued so far.
        }
    }

    /// <summary>Waits for a wake-up or for <paramref name="idle"/> to pass, whichever is first; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan idle, CancellationToken cancellationToken) => _signal.WaitAsync(idle, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _signal.Dispose();
}
