using Azure;
using Azure.Data.Tables;
using NodaTime;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Storage.Notices;

/// <summary>Every notice to every recipient, one row each, in the case's partition of its own table: the claim a
/// sender takes before sending (so no recipient gets a notice twice), the outcome after, and what a case's timeline
/// shows.</summary>
/// <remarks>A claim is an insert. A sender that dies after claiming leaves a <see cref="DeliveryState.Sending"/> row
/// whose lease runs out; the next sender takes it over and sends again with the same message id, which the pickup
/// folder and Azure Communication Services recognise (SMTP cannot: there, a death in that instant can double one
/// email, with the same Message-ID).</remarks>
public sealed class NoticeDeliveries
{
    private readonly TableClient _table;

    /// <summary>Uses <paramref name="table"/>, which must exist.</summary>
    public NoticeDeliveries(TableClient table) => _table = table;

    /// <summary>Asks to send the notice of <paramref name="pointKey"/> on <paramref name="key"/> to
    /// <paramref name="recipient"/> at <paramref name="now"/>.</summary>
    /// <param name="key">The case.</param>
    /// <param name="pointKey">The escalation point's key within the case.</param>
    /// <param name="recipient">The address.</param>
    /// <param name="about">Kind, target and instant of the notice, recorded for the timeline.</param>
    /// <param name="now">Now.</param>
    /// <param name="lease">How long a claim keeps other senders off.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The outcome, the attempts made before this one, and for <see cref="ClaimOutcome.NotYet"/> when the
    /// recipient is next due.</returns>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<(ClaimOutcome Outcome, int Attempts, Instant? NextTryAt)> ClaimAsync(CaseKey key, string pointKey, string recipient, NoticeDelivery about, Instant now, Duration lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(about);
        var row = new TableEntity(key.PartitionKey, RowKey(pointKey, recipient))
        {
            ["PointKey"] = pointKey,
            ["Recipient"] = recipient,
            ["State"] = nameof(DeliveryState.Sending),
            ["ClaimedAt"] = now.ToDateTimeOffset(),
            ["Attempts"] = 0,
            ["Kind"] = about.Kind,
            ["Target"] = about.Target,
            ["At"] = about.At?.ToDateTimeOffset(),
        };
        if (await TableCalls.TryAddAsync(_table, row, cancellationToken).ConfigureAwait(false))
        {
            return (ClaimOutcome.Claimed, 0, null);
        }
        // Someone has been here before: read what they left.
        var found = await TableCalls.Guard(() => _table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (!found.HasValue)
        {
            return (ClaimOutcome.Busy, 0, null);
        }
        var current = found.Value!;
        var attempts = current.GetInt32("Attempts") ?? 0;
        var state = Enum.Parse<DeliveryState>(current.GetString("State"));
        var claimedAt = Instant.FromDateTimeOffset(current.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue);
        var nextTry = current.GetDateTimeOffset("NextTryAt") is { } next ? Instant.FromDateTimeOffset(next) : Instant.MinValue;
        var outcome = state switch
        {
            DeliveryState.Sent => ClaimOutcome.AlreadySent,
            DeliveryState.Poison => ClaimOutcome.Poisoned,
            DeliveryState.Sending when claimedAt + lease > now => ClaimOutcome.Busy,
            DeliveryState.Held or DeliveryState.Waiting when nextTry > now => ClaimOutcome.NotYet,
            _ => ClaimOutcome.Claimed,
        };
        if (outcome != ClaimOutcome.Claimed)
        {
            return (outcome, attempts, outcome == ClaimOutcome.NotYet ? nextTry : null);
        }
        var update = new TableEntity(row.PartitionKey, row.RowKey) { ["State"] = nameof(DeliveryState.Sending), ["ClaimedAt"] = now.ToDateTimeOffset() };
        return await TableCalls.TryMergeAsync(_table, update, current.ETag, cancellationToken).ConfigureAwait(false)
            ? (ClaimOutcome.Claimed, attempts, null)
            : (ClaimOutcome.Busy, attempts, null);
    }

    /// <summary>Records that the claimed notice was handed to the mail system.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task MarkSentAsync(CaseKey key, string pointKey, string recipient, int attempts, Instant now, CancellationToken cancellationToken) =>
        MergeAsync(key, pointKey, recipient, new() { ["State"] = nameof(DeliveryState.Sent), ["Attempts"] = attempts, ["SentAt"] = now.ToDateTimeOffset(), ["NextTryAt"] = null, ["Error"] = null }, cancellationToken);

    /// <summary>Records that the claimed notice waits until <paramref name="until"/>: held for working hours
    /// (<see cref="DeliveryState.Held"/>) or after a transient failure (<see cref="DeliveryState.Waiting"/>).</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task MarkWaitingAsync(CaseKey key, string pointKey, string recipient, DeliveryState state, int attempts, Instant until, string? error, CancellationToken cancellationToken) =>
        MergeAsync(key, pointKey, recipient, new() { ["State"] = state.ToString(), ["Attempts"] = attempts, ["NextTryAt"] = until.ToDateTimeOffset(), ["Error"] = error }, cancellationToken);

    /// <summary>Records that the claimed notice is poison.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task MarkPoisonAsync(CaseKey key, string pointKey, string recipient, int attempts, string error, CancellationToken cancellationToken) =>
        MergeAsync(key, pointKey, recipient, new() { ["State"] = nameof(DeliveryState.Poison), ["Attempts"] = attempts, ["NextTryAt"] = null, ["Error"] = error }, cancellationToken);

    /// <summary>Lets a poison notice be sent again: its next claim succeeds.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task ReleaseAsync(CaseKey key, string pointKey, string recipient, CancellationToken cancellationToken) =>
        MergeAsync(key, pointKey, recipient, new() { ["State"] = nameof(DeliveryState.Waiting), ["Attempts"] = 0, ["NextTryAt"] = DateTimeOffset.UnixEpoch }, cancellationToken);

    /// <summary>Every notice recorded for <paramref name="key"/>, by point and recipient.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<IReadOnlyList<NoticeDelivery>> OfCaseAsync(CaseKey key, CancellationToken cancellationToken)
    {
        var list = new List<NoticeDelivery>();
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key.PartitionKey}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                list.Add(new NoticeDelivery
                {
                    PointKey = row.GetString("PointKey"),
                    Recipient = row.GetString("Recipient"),
                    State = Enum.Parse<DeliveryState>(row.GetString("State")),
                    Kind = row.GetString("Kind"),
                    Target = row.GetString("Target"),
                    At = Optional(row, "At"),
                    Attempts = row.GetInt32("Attempts") ?? 0,
                    SentAt = Optional(row, "SentAt"),
                    NextTryAt = Optional(row, "NextTryAt"),
                    Error = row.GetString("Error"),
                });
            }
        }
        catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
        {
            throw new StorageUnavailableException($"Table Storage failed reading the notices of {key}.", ex);
        }
        return list;
    }

    private async Task MergeAsync(CaseKey key, string pointKey, string recipient, TableEntity values, CancellationToken cancellationToken)
    {
        values.PartitionKey = key.PartitionKey;
        values.RowKey = RowKey(pointKey, recipient);
        await TableCalls.Guard(() => _table.UpsertEntityAsync(values, TableUpdateMode.Merge, cancellationToken)).ConfigureAwait(false);
    }

    private static Instant? Optional(TableEntity row, string name) =>
        row.GetDateTimeOffset(name) is { } value ? Instant.FromDateTimeOffset(value) : null;

    private static string RowKey(string pointKey, string recipient) => CaseKey.Escape(pointKey) + "|" + CaseKey.Escape(recipient.ToLowerInvariant());
}
