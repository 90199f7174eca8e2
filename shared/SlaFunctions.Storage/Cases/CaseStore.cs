using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace SlaFunctions.Storage.Cases;

/// <summary>Cases in Table Storage: one partition per case holding its row, its append-only history, the deliveries
/// applied and a claim per version, so a delivery commits in one entity-group transaction or not at all.</summary>
/// <remarks>Concurrent deliveries for one case race to claim the next version row; the loser reloads and tries again.
/// The version claim (an insert) is what makes this safe on Azurite too, whose batches ignore If-Match.
/// A redelivered webhook fails its delivery claim and changes nothing.</remarks>
public sealed class CaseStore
{
    /// <summary>How many times a commit is tried against concurrent writers before giving up.</summary>
    public const int MaxAttempts = 60;

    /// <summary>The most events and notice marks one commit appends: an entity-group transaction holds at most 100
    /// rows, and the case row and its claims need some.</summary>
    public const int MaxRowsPerCommit = 90;

    private readonly TableClient _cases;
    private readonly DueIndex _due;
    private readonly int _historyBudget;
    private readonly RecentCases _recent = new();

    /// <summary>Uses <paramref name="cases"/> and <paramref name="due"/>, which must exist.</summary>
    /// <param name="cases">The cases table.</param>
    /// <param name="due">The due index.</param>
    /// <param name="historyBudget">How many characters of history and notice marks a case row carries before its
    /// case is read from its rows instead (tests lower it to reach that path).</param>
    public CaseStore(TableClient cases, DueIndex due, int historyBudget = CaseRowHistory.DefaultBudget)
    {
        _cases = cases;
        _due = due;
        _historyBudget = historyBudget;
    }

    /// <summary>The due index this store keeps.</summary>
    public DueIndex Due => _due;

    /// <summary>The case with its history, or null when there is none. One point read (a range query for a case
    /// whose history outgrew its row).</summary>
    public async Task<CaseRecord?> GetAsync(CaseKey key, CancellationToken cancellationToken)
    {
        var (record, _) = await LoadAsync(key, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>Applies one delivery: loads the case, asks <paramref name="decide"/> what changes, and writes the new
    /// events, the new case row and the delivery claim together. Retries on a concurrent writer.</summary>
    /// <param name="key">The case.</param>
    /// <param name="deliveryId">The delivery's identity; a second delivery with it changes nothing. Null for a change
    /// that is not a delivery (the sweep's), which its notice marks make idempotent instead.</param>
    /// <param name="decide">Given the current case (null when new), the change to write, or null for none. It may be
    /// called more than once and must not have side effects.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <exception cref="StorageUnavailableException">Storage failed or contention did not clear.</exception>
    /// <exception cref="ArgumentException">The change appends more events than one transaction holds.</exception>
    public async Task<CommitOutcome> CommitAsync(CaseKey key, string? deliveryId, Func<CaseRecord?, CaseChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // One round trip a delivery to a case this process saw last (the transaction), two otherwise (a point
            // read first). A redelivery is caught by the transaction's delivery claim (action 0), not by a read.
            var (current, etag) = attempt == 0 && _recent.TryGet(key, out var known, out var knownTag)
                ? (known, knownTag)
                : await LoadAsync(key, cancellationToken).ConfigureAwait(false);
            if (decide(current) is not { } change)
            {
                return CommitOutcome.Unchanged;
            }
            if (change.Append.Count + change.Notices.Count > MaxRowsPerCommit)
            {
                throw new ArgumentException($"A delivery may append at most {MaxRowsPerCommit} events and notice marks.", nameof(decide));
            }
            var version = (current?.Snapshot.Version ?? 0) + 1;
            var snapshot = change.Snapshot with { Key = key, Version = version };
            var actions = new List<TableTransactionAction>();
            if (deliveryId is not null)
            {
                actions.Add(new(TableTransactionActionType.Add, new TableEntity(key.PartitionKey, CaseRows.DeliveryRow(key, deliveryId))));
            }
            actions.Add(new(TableTransactionActionType.Add, new TableEntity(key.PartitionKey, CaseRows.VersionRow(key, version))));
            // A point marked before is not marked again: its mark row exists, and adding it would fail the transaction.
            var marks = change.Notices.Where(n => current?.Noticed.Contains(n) != true).Distinct(StringComparer.Ordinal).ToList();
            actions.AddRange(marks.Select(n => new TableTransactionAction(TableTransactionActionType.Add, CaseRows.NoticeMark(key, n, now: snapshot.EvaluatedAt))));
            var sequence = current?.History.Count ?? 0;
            actions.AddRange(change.Append.Select((h, i) => new TableTransactionAction(TableTransactionActionType.Add, CaseRows.ToEntity(key, sequence + i, h))));
            var row = CaseRows.ToEntity(snapshot);
            List<HistoryEntry> history = [.. current?.History ?? [], .. change.Append];
            var noticed = (current?.Noticed ?? Enumerable.Empty<string>()).Concat(marks).ToHashSet(StringComparer.Ordinal);
            CaseRowHistory.Write(row, history, noticed, _historyBudget);
            actions.Add(current is null
                ? new TableTransactionAction(TableTransactionActionType.Add, row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, etag));

            // The index keeps a row at or before every case's next check. A next check that moves earlier (or is the
            // first) gets its row here, before the transaction: a crash after it leaves an extra row the sweep
            // discards, never a case the sweep cannot find. One that moves later needs none: the row at the earlier
            // instant brings the sweep, which indexes the later one then (see the sweep's re-indexing).
            if (snapshot.NextCheckAt is { } next && (current?.Snapshot.NextCheckAt is not { } before || next < before))
            {
                await _due.AddAsync(key, next, cancellationToken).ConfigureAwait(false);
            }
            Response<IReadOnlyList<Response>> written;
            try
            {
                written = await _cases.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                if (deliveryId is not null && ex.FailedTransactionActionIndex == 0)
                {
                    return CommitOutcome.Duplicate;
                }
                _recent.Forget(key);
                // Another writer claimed this version first: back off a little (jittered, so a crowd spreads out),
                // then reload and decide again.
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
            {
                _recent.Forget(key);
                throw new StorageUnavailableException($"Table Storage failed committing {key}.", ex);
            }
            // The case row is the transaction's last action; its answer carries the row's new ETag.
            if (written.Value.Count == actions.Count && written.Value[^1].Headers.ETag is { } newTag)
            {
                _recent.Remember(key, new CaseRecord { Snapshot = CaseRows.ToSnapshot(row), History = history, Noticed = noticed }, newTag);
            }
            else
            {
                _recent.Forget(key);
            }
            return CommitOutcome.Applied;
        }
        throw new StorageUnavailableException($"{MaxAttempts} concurrent writers in a row beat this delivery to {key}; retry later.");
    }

    /// <summary>A page of open (not solved or closed) case rows in <paramref name="state"/>, optionally of one
    /// policy. Reads case rows only, never histories.</summary>
    /// <param name="state">Which cases.</param>
    /// <param name="policyId">Only this policy's cases, or all.</param>
    /// <param name="now">The instant "breached" and "at risk" are judged at.</param>
    /// <param name="atRiskWithin">How close a due makes a case at risk.</param>
    /// <param name="continuation">From the previous page, or null for the first.</param>
    /// <param name="pageSize">At most this many cases.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<CasePage> ListAsync(CaseListState state, string? policyId, Instant now, Duration atRiskWithin, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var filter = OfPolicy(OpenCaseRows, policyId);
        var nowText = now.ToDateTimeOffset();
        filter += state switch
        {
            CaseListState.Breached => " and " + TableClient.CreateQueryFilter($"(Breached eq {true} or NextDueAt lt {nowText})"),
            CaseListState.AtRisk => " and " + TableClient.CreateQueryFilter($"Breached eq {false} and NextDueAt ge {nowText} and NextDueAt lt {(now + atRiskWithin).ToDateTimeOffset()}"),
            _ => "",
        };
        try
        {
            var pages = _cases.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, select: SnapshotColumns, cancellationToken: cancellationToken).AsPages(continuation, pageSize);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                return new CasePage([.. page.Values.Select(CaseRows.ToSnapshot)], page.ContinuationToken);
            }
        }
        catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
        {
            throw new StorageUnavailableException("Table Storage failed listing cases.", ex);
        }
        return new CasePage([], null);
    }

    // Case rows only (their row keys sort together), never a case's other rows or the policy marks.
    private static readonly string CaseRowsOnly = TableClient.CreateQueryFilter($"RowKey ge {CaseRows.CasePrefix} and RowKey lt {CaseRows.CaseRowsEnd}");

    // The rows of cases not solved or closed.
    private static readonly string OpenCaseRows = CaseRowsOnly + " and " + TableClient.CreateQueryFilter($"Status ne {"solved"} and Status ne {"closed"}");

    // The filter narrowed to one policy's cases, or left as it is for all.
    private static string OfPolicy(string filter, string? policyId) =>
        policyId is null ? filter : filter + " and " + TableClient.CreateQueryFilter($"PolicyId eq {policyId}");

    // Every column of a case row but its copy of the history.
    private static readonly string[] SnapshotColumns =
        ["Connection", "ExternalId", "PolicyId", "OpenedAt", "OpenedSeverity", "Severity", "Title", "Url", "Assignee", "Requester", "Channel", "Status", "NextDueAt", "NextCheckAt", "Breached", "TargetsJson", "EvaluatedAt", "Version"];

    // The columns a board or report needs from a case row: not Requester, Channel, NextCheckAt or Version.
    private static readonly string[] ListingColumns =
        ["Connection", "ExternalId", "PolicyId", "OpenedAt", "OpenedSeverity", "Severity", "Title", "Url", "Assignee", "Status", "NextDueAt", "Breached", "TargetsJson", "EvaluatedAt", "Timestamp"];

    /// <summary>Every open (not solved or closed) case row, optionally of one policy, in no particular order. Reads
    /// case rows only, and only the columns a board shows (<see cref="CaseSnapshot.Requester"/>,
    /// <see cref="CaseSnapshot.Channel"/> and <see cref="CaseSnapshot.NextCheckAt"/> come back null and
    /// <see cref="CaseSnapshot.Version"/> 0).</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task<CaseRowBatch> ReadOpenCasesAsync(string? policyId, CancellationToken cancellationToken)
    {
        return ReadRowsAsync(OfPolicy(OpenCaseRows, policyId), "listing open cases", cancellationToken);
    }

    /// <summary>Every case row, open or not, that storage stamped as changed at or after <paramref name="since"/>
    /// (storage's own clock, as in <see cref="CaseRowBatch.LatestChange"/>); the same columns as
    /// <see cref="ReadOpenCasesAsync"/>. For keeping a copy of the open cases current without reading them all.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task<CaseRowBatch> ReadCasesChangedAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        ReadRowsAsync(CaseRowsOnly + " and " + TableClient.CreateQueryFilter($"Timestamp ge {since}"), "reading changed cases", cancellationToken);

    /// <summary>Every case row, open or not, whose opening lies in <c>[<paramref name="from"/>, <paramref name="to"/>)</c>,
    /// optionally of one policy; the same columns as <see cref="ReadOpenCasesAsync"/>.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<IReadOnlyList<CaseSnapshot>> ReadCasesOpenedAsync(Instant from, Instant to, string? policyId, CancellationToken cancellationToken)
    {
        var filter = OfPolicy(CaseRowsOnly + " and " + TableClient.CreateQueryFilter($"OpenedAt ge {from.ToDateTimeOffset()} and OpenedAt lt {to.ToDateTimeOffset()}"), policyId);
        return (await ReadRowsAsync(filter, "reading cases for a report", cancellationToken).ConfigureAwait(false)).Cases;
    }

    private async Task<CaseRowBatch> ReadRowsAsync(string filter, string doing, CancellationToken cancellationToken)
    {
        var rows = new List<CaseSnapshot>();
        DateTimeOffset? latest = null;
        try
        {
            await foreach (var row in _cases.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ListingColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(CaseRows.ToSnapshot(row));
                latest = row.Timestamp > latest || latest is null ? row.Timestamp : latest;
            }
        }
        catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
        {
            throw new StorageUnavailableException($"Table Storage failed {doing}.", ex);
        }
        return new CaseRowBatch(rows, latest);
    }

    // Policy marks live in their own partition of the cases table; case listings read only case rows, never these.
    private const string PolicyMarks = "~policies";

    /// <summary>The fingerprint of <paramref name="policyId"/> that open cases were last judged under, or null.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<string?> GetPolicyMarkAsync(string policyId, CancellationToken cancellationToken)
    {
        var found = await TableCalls.Guard(() => _cases.GetEntityIfExistsAsync<TableEntity>(PolicyMarks, CaseKey.Escape(policyId), cancellationToken: cancellationToken)).ConfigureAwait(false);
        return found.HasValue ? found.Value!.GetString("Fingerprint") : null;
    }

    /// <summary>Records that open cases of <paramref name="policyId"/> are judged under <paramref name="fingerprint"/>.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public Task SetPolicyMarkAsync(string policyId, string fingerprint, CancellationToken cancellationToken) =>
        TableCalls.Guard(() => _cases.UpsertEntityAsync(new TableEntity(PolicyMarks, CaseKey.Escape(policyId)) { ["Fingerprint"] = fingerprint }, TableUpdateMode.Replace, cancellationToken));

    /// <summary>The keys of the open (not solved or closed) cases of <paramref name="policyId"/>.</summary>
    public async IAsyncEnumerable<CaseKey> OpenCasesOfAsync(string policyId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = OfPolicy(OpenCaseRows, policyId);
        await foreach (var row in _cases.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return CaseKey.FromPartitionKey(row.PartitionKey);
        }
    }

    private static TimeSpan Backoff(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, 1 + Math.Min(200, 5 << Math.Min(attempt, 6))));

    private async Task<(CaseRecord? Record, ETag ETag)> LoadAsync(CaseKey key, CancellationToken cancellationToken)
    {
        try
        {
            var found = await _cases.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, CaseRows.CaseRow(key), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                return (null, default);
            }
            var row = found.Value!;
            if (!CaseRowHistory.TryRead(row, out var history, out var noticed))
            {
                (history, noticed) = await ReadHistoryRowsAsync(key, cancellationToken).ConfigureAwait(false);
            }
            var record = new CaseRecord { Snapshot = CaseRows.ToSnapshot(row), History = history, Noticed = noticed };
            _recent.Remember(key, record, row.ETag);
            return (record, row.ETag);
        }
        catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
        {
            throw new StorageUnavailableException($"Table Storage failed reading {key}.", ex);
        }
    }

    // The history and notice marks from their own rows, for a case whose row holds no copy. The case row read before
    // carries the ETag: a transaction that appends rows also replaces it, so a stale read still loses its commit.
    private async Task<(List<HistoryEntry> History, HashSet<string> Noticed)> ReadHistoryRowsAsync(CaseKey key, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key.PartitionKey} and RowKey ge {CaseRows.EventPrefix} and RowKey lt {CaseRows.ReadableEnd}");
        var history = new List<HistoryEntry>();
        var noticed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in _cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey.StartsWith(CaseRows.NoticePrefix, StringComparison.Ordinal))
            {
                noticed.Add(entity.GetString("Key"));
            }
            else
            {
                history.Add(CaseRows.ToHistory(entity));
            }
        }
        return (history, noticed);
    }
}
