using SlaFunctions.Notices;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>One sweep: finds the escalation points come due since the last sweep (and held notices whose time has
/// come) and puts their notices on <c>notices</c>, judging the cases itself when few are due and otherwise putting
/// slices of them on <c>slices</c> for <see cref="ISliceSweep"/>. Run by the standalone timer or by the Functions
/// host's timer trigger.</summary>
public interface ISweep
{
    /// <summary>Sweeps once, sending every notice due to <paramref name="notices"/> and every slice cut (or not done
    /// within <see cref="SweepOptions.SliceLease"/>) to <paramref name="slices"/>.</summary>
    /// <exception cref="Storage.StorageUnavailableException">Storage failed; what was sent stays sent and the next
    /// sweep picks up the rest.</exception>
    Task<SweepReport> RunAsync(INoticeQueue notices, ISliceQueue slices, CancellationToken cancellationToken);
}
