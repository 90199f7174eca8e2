using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Standalone;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>One round of what the app's timer and listener do, on demand: a sweep at a given instant, then the queue
/// drained by the standalone listener, so the emails are in the pickup folder.</summary>
public static class SweepRound
{
    public static async Task RunAsync(CaseApi api, Instant now)
    {
        api.Clock.Reset(now);
        await api.Services.GetRequiredService<ISweep>().RunAsync(api.Services.GetRequiredService<StorageNoticeQueue>(), new CollectedSlices(), default);
        var listener = ActivatorUtilities.CreateInstance<NoticeQueueListener>(api.Services);
        while (await listener.DrainOnceAsync(default) > 0)
        {
        }
    }
}
