using SlaFunctions.Notices;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>A slice worker: judges the cases of one slice the sweep cut. Run for each message on the slice queue, by
/// the standalone listener or by the Functions host's queue trigger, on any number of instances at once.</summary>
public interface ISliceSweep
{
    /// <summary>Judges slice <paramref name="slice"/>, sending its notices to <paramref name="notices"/>, and marks it
    /// done. A slice already done (a message delivered twice) does nothing.</summary>
    /// <exception cref="Storage.StorageUnavailableException">Storage failed; the slice stays queued and comes again
    /// (its message, or the timer after <see cref="SweepOptions.SliceLease"/>).</exception>
    Task<SweepReport> RunAsync(string slice, INoticeQueue notices, CancellationToken cancellationToken);
}
