using SlaFunctions.Notices;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>One sweep: finds the escalation points come due since the last sweep (and held notices whose time has
/// come) and puts their notices on <c>queue</c>. Run by the standalone timer or by the Functions host's timer trigger.</summary>
public interface ISweep
{
    /// <summary>Sweeps once, sending every notice due to <paramref name="queue"/>.</summary>
    /// <exception cref="Storage.StorageUnavailableException">Storage failed; what was sent stays sent and the next
    /// sweep picks up the rest.</exception>
    Task<SweepReport> RunAsync(INoticeQueue queue, CancellationToken cancellationToken);
}
