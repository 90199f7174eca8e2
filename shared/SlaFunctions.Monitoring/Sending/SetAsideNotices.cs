using NodaTime;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>The notices the sender set aside (the poison list): what is there, and sending one again.</summary>
/// <param name="tables">Where the poison list, the outbox and the deliveries are kept.</param>
/// <param name="clock">Gives now.</param>
public sealed class SetAsideNotices(CaseTables tables, IClock clock)
{
    /// <summary>Every entry, oldest first.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<PoisonList> ListAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var list = await tables.Poison.ListAsync(cancellationToken).ConfigureAwait(false);
        return new PoisonList
        {
            Notices = [.. list.OrderBy(p => p.At).Select(p => new PoisonListEntry
            {
                Id = p.Id,
                NoticeId = p.NoticeId,
                Recipient = p.Recipient,
                Reason = p.Reason,
                At = InstantText.Format(p.At),
                Body = p.Body,
            })],
        };
    }

    /// <summary>Puts entry <paramref name="id"/>'s notice back in the outbox, ready now, and lets its recipient be
    /// claimed again; the next sweep queues it. The replay when <see cref="PoisonReplayOutcome.Replayed"/>; the reason
    /// the body is not a notice when <see cref="PoisonReplayOutcome.NotANotice"/>.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<(PoisonReplayOutcome Outcome, PoisonReplay? Replay, string? Problem)> ReplayAsync(string id, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (await tables.Poison.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } poison)
        {
            return (PoisonReplayOutcome.NoSuchEntry, null, null);
        }
        Notice notice;
        try
        {
            notice = NoticeJson.Read(poison.Body);
        }
        catch (NoticeFormatException ex)
        {
            return (PoisonReplayOutcome.NotANotice, null, ex.Message);
        }
        if (poison.Recipient is { } recipient)
        {
            await tables.Deliveries.ReleaseAsync(new CaseKey(notice.Case.Connection, notice.Case.ExternalId), notice.PointKey, recipient, cancellationToken).ConfigureAwait(false);
        }
        await tables.Outbox.PutAsync(notice.Id, poison.Body, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        await tables.Poison.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
        return (PoisonReplayOutcome.Replayed, new PoisonReplay { Id = id, NoticeId = notice.Id }, null);
    }
}
