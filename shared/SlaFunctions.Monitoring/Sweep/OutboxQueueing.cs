using NodaTime;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Notices;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>Sends a notice from the outbox to the queue, once among everyone who read it.</summary>
internal static class OutboxQueueing
{
    /// <summary>Marks <paramref name="entry"/> queued at <paramref name="now"/> against the ETag it was read or written
    /// with, then sends it; false, sending nothing, when someone else (a concurrent sweep or slice worker that read the
    /// same row) changed it first and so owns it. The outbox holds the notice's JSON as the queue carries it: it is
    /// sent as it is, never parsed here.</summary>
    public static async Task<bool> QueueAsync(CaseTables tables, OutboxEntry entry, Instant now, INoticeQueue queue, CancellationToken cancellationToken)
    {
        if (!await tables.Outbox.MarkQueuedAsync(entry, now, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        await queue.SendAsync(entry.Body, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
