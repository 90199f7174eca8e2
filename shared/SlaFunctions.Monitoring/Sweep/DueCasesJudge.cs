using NodaTime;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>Judges a batch of due-index rows (the timer's, when few are due, or one slice's), several cases at once,
/// and queues each notice the moment its case is judged.</summary>
/// <remarks>A notice is marked queued in the outbox (against the ETag its write returned) before it is sent, so when
/// the timer's outbox read got to it first, one of the two loses the race and leaves it to the other.</remarks>
internal sealed partial class DueCasesJudge(CaseTables tables, CaseJudge judge, SweepOptions options, ILogger logger)
{
    /// <summary>Judges the cases of <paramref name="rows"/> at <paramref name="now"/>, sending their notices to
    /// <paramref name="queue"/>. A case that fails is logged and left in the index, its earliest row returned.</summary>
    public async Task<JudgedRows> JudgeAsync(CaseStore store, IEnumerable<DueRow> rows, Instant now, INoticeQueue queue, CancellationToken cancellationToken)
    {
        var due = rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => (IReadOnlyCollection<Instant>)[.. g.Select(r => r.At).Distinct()]);
        var failedAt = (Instant?)null;
        var queued = 0;
        var gate = new object();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (entry, token) =>
        {
            try
            {
                foreach (var notice in await judge.JudgeAsync(store, entry.Key, entry.Value, now, token).ConfigureAwait(false))
                {
                    if (await OutboxQueueing.QueueAsync(tables, notice, now, queue, token).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref queued);
                    }
                }
            }
            // Storage failing, or anything else one case throws: the other cases are still judged, and this one is
            // read again by a later sweep, never dropped and never allowed to stop the host. A notice it wrote and did
            // not queue waits in the outbox for the timer.
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                CaseFailed(logger, entry.Key, ex);
                lock (gate)
                {
                    var earliest = entry.Value.Min();
                    failedAt = failedAt is { } f && f < earliest ? f : earliest;
                }
            }
        }).ConfigureAwait(false);
        return new JudgedRows(due.Count, queued, failedAt);
    }

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Sweeping case {Case} failed; the next sweep tries again")]
    private static partial void CaseFailed(ILogger logger, CaseKey @case, Exception exception);
}
