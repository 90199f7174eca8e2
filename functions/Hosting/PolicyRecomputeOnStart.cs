using SlaFunctions.Monitoring.Cases;

namespace SlaFunctions.Hosting;

/// <summary>Runs <see cref="PolicyRecompute"/> once the app has started (new policy files arrive with a deployment,
/// which restarts it), retrying while storage is unreachable; the app serves meanwhile.</summary>
public sealed partial class PolicyRecomputeOnStart(PolicyRecompute recompute, ILogger<PolicyRecomputeOnStart> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var delay = TimeSpan.FromSeconds(5); !stoppingToken.IsCancellationRequested; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(5).Ticks)))
        {
            try
            {
                await recompute.RunAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage down, or refusing the key: retry; an exception leaving this loop would stop the whole app.
                StorageDown(logger, delay.TotalSeconds, ex);
            }
            await Task.Delay(delay, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Re-judging cases after a policy change waits for storage; next try in {Seconds} s")]
    private static partial void StorageDown(ILogger logger, double seconds, Exception exception);
}
