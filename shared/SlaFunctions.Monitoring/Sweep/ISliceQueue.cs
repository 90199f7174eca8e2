namespace SlaFunctions.Monitoring.Sweep;

/// <summary>Where the sweep puts the ids of the slices it cut, for any instance's slice worker: a Storage Queue
/// (standalone, its own; in Azure, the <c>sweep-slices</c> output binding).</summary>
public interface ISliceQueue
{
    /// <summary>Enqueues slice <paramref name="slice"/>'s id. Delivery is at least once: judging a slice twice is safe.</summary>
    Task SendAsync(string slice, CancellationToken cancellationToken);
}
