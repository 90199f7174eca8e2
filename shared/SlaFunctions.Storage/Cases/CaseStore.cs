using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace SlaFunctions.Storage.Cases;

/// <summary>Cases in Table Storage: one partition per case, whose case row holds the snapshot and its history (events,
/// notice marks and the delivery ids applied), so a case is one point read and a delivery one conditional write.</summary>
/// <remarks>
/// <para>Every commit writes the whole case row on its ETag (If-Match), so of concurrent writers one wins and the others
/// read the case again and decide again. A redelivered webhook finds its delivery id in the case and changes nothing.</para>
/// <para>The history is append-only. When a commit would make the case row's stretch of it outgrow the row, that
/// stretch moves, unchanged, to the case's next archive row (<c>e|&lt;case&gt;|000000</c>, …) in the same
/// entity-group transaction that starts the case row's new stretch; reading such a case adds one range query.</para>
/// </remarks>
public sealed class CaseStore
{
    /// <summary>How many times a commit is tried against concurrent writers before giving up.</summary>
    public const int MaxAttempts = 60;

    /// <summary>The most events and notice marks one commit appends, which keeps any one commit's additions well within
    /// a case row (they must fit one alone when the row's earlier stretch moves to an archive row).</summary>
    public const int MaxAppendsPerCommit = 90;

    private readonly TableClient _cases;
    private readonly DueIndex _due;
    private readonly int _historyBudget;
    private readonly RecentCases _recent = new();

    /// <summary>Uses <paramref name="cases"/> and <paramref name="due"/>, which must exist.</summary>
    /// <param name="cases">The cases table.</param>
    /// <param name="due">The due index.</param>
    /// <param name="historyBudget">How many characters of history a row holds before its stretch moves to an archive
    /// row (tests lower it to reach that path).</param>
    public CaseStore(TableClient cases, DueIndex due, int historyBudget = CaseRowHistory.DefaultBudget)
    {
        _cases = cases;
        _due = due;
        _historyBudget = historyBudget;
    }

    /// <summary>The due index this store keeps.</summary>
    public DueIndex Due => _due;

    /// <summary>The case with its history, or null when there is none. One point read (and a range query for a case
    /// with archive rows).</summary>
    public async Task<CaseRecord?> GetAsync(CaseKey key, CancellationToken cancellationToken) =>
        (await LoadAsync(key, cancellationToken).ConfigureAwait(false))?.Record;

    /// <summary>Applies one delivery: loads the case, asks <paramref name="decide"/> what changes, and writes the new
    /// case row, with the new events, marks and delivery id, on the ETag it read. Retries on a concurrent writer.</summary>
    /// <param name="key">The case.</param>
    /// <param name="deliveryId">The delivery's identity; a second delivery with it changes nothing. Null for a change
    /// that is not a delivery (the sweep's), which its notice marks make idempotent instead.</param>
    /// <param name="decide">Given the current case (null when new), the change to write, or null for none. It may be
    /// called more than once and must not have side effects.</param>
    /// <param name="cancellationToken">Cancels the commit.</param>
    /// <exception cref="StorageUnavailableException">Storage failed or contention did not clear.</exception>
    /// <exception cref="ArgumentException">The change appends more than <see cref="MaxAppendsPerCommit"/> events and
    /// marks, or more than a row holds.</exception>
    public Task<CommitOutcome> CommitAsync(CaseKey key, string? deliveryId, Func<CaseRecord?, CaseChange?> decide, CancellationToken cancellationToken) =>
        CommitAsync(key, deliveryId, [], decide, cancellationToken);

    /// <summary>As <see cref="CommitAsync(CaseKey, string?, Func{CaseRecord?, CaseChange?}, CancellationToken)"/>, where
    /// the delivery may also have been recorded before under any of <paramref name="earlierIds"/> (a windowed hash id's
    /// previous window): finding one of them makes it a duplicate too. Only <paramref name="deliveryId"/> is recorded.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed or contention did not clear.</exception>
    public async Task<CommitOutcome> CommitAsync(CaseKey key, string? deliveryId, IReadOnlyCollection<string> earlierIds, Func<CaseRecord?, CaseChange?> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(earlierIds);
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // No read for a case this process saw last: its copy goes straight into the conditional write, and a
            // stale copy (another instance wrote since) fails it and is read afresh.
            var stored = (attempt == 0 ? _recent.Get(key) : null) ?? await LoadAsync(key, cancellationToken).ConfigureAwait(false);
            var current = stored?.Record;
            if (deliveryId is not null && current is not null && (current.Deliveries.Contains(deliveryId) || earlierIds.Any(current.Deliveries.Contains)))
            {
                return CommitOutcome.Duplicate;
            }
            if (decide(current) is not { } change)
            {
                return CommitOutcome.Unchanged;
            }
            if (change.Append.Count + change.Notices.Count > MaxAppendsPerCommit)
            {
                throw new ArgumentException($"A delivery may append at most {MaxAppendsPerCommit} events and notice marks.", nameof(decide));
            }
            var snapshot = change.Snapshot with { Key = key, Version = (current?.Snapshot.Version ?? 0) + 1 };
            var marks = change.Notices.Where(n => current?.Noticed.Contains(n) != true).Distinct(StringComparer.Ordinal).ToList();
            var added = new HistoryPart(change.Append, marks, deliveryId is null ? [] : [deliveryId]);
            var (row, archive, next) = Rows(key, snapshot, stored, added);

            // The index keeps a row at or before every case's next check. A next check that moves earlier (or is the
            // first) gets its row here, before the commit: a crash after it leaves an extra row the sweep discards,
            // never a case the sweep cannot find. One that moves later needs none: the row at the earlier instant
            // brings the sweep, which indexes the later one then (see the sweep's re-indexing).
            if (snapshot.NextCheckAt is { } check && (current?.Snapshot.NextCheckAt is not { } before || check < before))
            {
                await _due.AddAsync(key, check, cancellationToken).ConfigureAwait(false);
            }
            var columns = StoredCase.ColumnsOf(row);
            ETag? written;
            try
            {
                written = await WriteAsync(row, columns, archive, stored, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 || ex.Status == 404 && stored is not null)
            {
                // Another writer got there first (or the case was deleted since): back off a little (jittered, so a
                // crowd spreads out), then read the case again and decide again.
                _recent.Forget(key);
                await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
            {
                _recent.Forget(key);
                throw new StorageUnavailableException($"Table Storage failed committing {key}.", ex);
            }
            if (written is { } etag)
            {
                _recent.Remember(key, new StoredCase(Extend(current, CaseRows.ToSnapshot(row), added), etag, Archived(row), next, columns));
            }
            else
            {
                _recent.Forget(key);
            }
            return CommitOutcome.Applied;
        }
        throw new StorageUnavailableException($"{MaxAttempts} concurrent writers in a row beat this delivery to {key}; retry later.");
    }

    // The new case row holding the case's latest stretch of history; when that would outgrow the row, the stretch the
    // row held so far goes to the next archive row and the new row holds only what this commit adds.
    private (TableEntity Row, TableEntity? Archive, HistoryPart Tail) Rows(CaseKey key, CaseSnapshot snapshot, StoredCase? stored, HistoryPart added)
    {
        var row = CaseRows.ToEntity(snapshot);
        var archived = stored?.Archived ?? 0;
        var tail = (stored?.Tail ?? HistoryPart.Empty).Then(added);
        TableEntity? archive = null;
        if (!CaseRowHistory.TryWrite(row, tail, _historyBudget))
        {
            if (stored is null || stored.Tail.IsEmpty)
            {
                throw new ArgumentException($"One commit's history for {key} is larger than a case row holds.", nameof(added));
            }
            archive = CaseRows.ArchiveRow(key, archived);
            CaseRowHistory.TryWrite(archive, stored.Tail, int.MaxValue);
            archived++;
            tail = added;
            if (!CaseRowHistory.TryWrite(row, tail, _historyBudget))
            {
                throw new ArgumentException($"One commit's history for {key} is larger than a case row holds.", nameof(added));
            }
        }
        if (archived > 0)
        {
            row[CaseRows.Archived] = archived;
        }
        return (row, archive, tail);
    }

    // Writes the case row (holding `columns`) on the ETag read (an insert for a new case), with the archive row in the
    // same transaction when there is one. Returns the row's new ETag. The row is merged when it writes every column the
    // stored row holds (the outcome is the same row as a replace), and replaced when one would be left behind: on Azure
    // both are one write, and Azurite merges a row in place but replaces it by removing and inserting, which costs it
    // time in proportion to the rows in the table (README, "Speed").
    private async Task<ETag?> WriteAsync(TableEntity row, IReadOnlySet<string> columns, TableEntity? archive, StoredCase? stored, CancellationToken cancellationToken)
    {
        if (archive is not null)
        {
            var answers = await _cases.SubmitTransactionAsync(
                [new(TableTransactionActionType.Add, archive), new(TableTransactionActionType.UpdateReplace, row, stored!.ETag)], cancellationToken).ConfigureAwait(false);
            return answers.Value.Count == 2 ? answers.Value[1].Headers.ETag : null;
        }
        if (stored is null)
        {
            return (await _cases.AddEntityAsync(row, cancellationToken).ConfigureAwait(false)).Headers.ETag;
        }
        var mode = stored.Columns.IsSubsetOf(columns) ? TableUpdateMode.Merge : TableUpdateMode.Replace;
        return (await _cases.UpdateEntityAsync(row, stored.ETag, mode, cancellationToken).ConfigureAwait(false)).Headers.ETag;
    }

    /// <summary>A page of open (not solved or closed) case rows in <paramref name="state"/>, optionally of one
    /// policy. Reads case rows only, never histories.</summary>
    /// <param name="state">Which cases.</param>
    /// <param name="policyId">Only this policy's cases, or all.</param>
    /// <param name="now">The instant "breached" and "at risk" are judged at.</param>
    /// <param name="continuation">From the previous page, or null for the first.</param>
    /// <param name="pageSize">At most this many cases.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<CasePage> ListAsync(CaseListState state, string? policyId, Instant now, string? continuation, int pageSize, CancellationToken cancellationToken)
    {
        var filter = OfPolicy(OpenCaseRows, policyId);
        var nowText = now.ToDateTimeOffset();
        filter += state switch
        {
            CaseListState.Breached => " and " + TableClient.CreateQueryFilter($"(Breached eq {true} or NextDueAt lt {nowText})"),
            CaseListState.AtRisk => " and " + TableClient.CreateQueryFilter($"Breached eq {false} and NextDueAt ge {nowText} and AtRiskAt le {nowText}"),
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
        ["Connection", "ExternalId", "PolicyId", "Customer", "OpenedAt", "OpenedSeverity", "Severity", "Title", "Url", "Assignee", "Requester", "Channel", "Status", "Unmapped", "NextDueAt", "NextCheckAt", "AtRiskAt", "Breached", "TargetsJson", "EvaluatedAt", "Version"];

    // The columns a board or report needs from a case row: not Requester, Channel, NextCheckAt or Version.
    private static readonly string[] ListingColumns =
        ["Connection", "ExternalId", "PolicyId", "Customer", "OpenedAt", "OpenedSeverity", "Severity", "Title", "Url", "Assignee", "Status", "Unmapped", "NextDueAt", "AtRiskAt", "Breached", "TargetsJson", "EvaluatedAt", "Timestamp"];

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

    /// <summary>The whole records (snapshot and history) of the cases opened in [<paramref name="from"/>,
    /// <paramref name="to"/>), of <paramref name="policyId"/> or all, read a page of 1000 case rows at a time instead of
    /// one case at a time, for a replay that judges every case of a period. Stops after <paramref name="limit"/> + 1
    /// records, so a caller can tell there are more than it takes.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<IReadOnlyList<CaseRecord>> ReadRecordsOpenedAsync(Instant from, Instant to, string? policyId, int limit, CancellationToken cancellationToken)
    {
        var filter = OfPolicy(CaseRowsOnly + " and " + TableClient.CreateQueryFilter($"OpenedAt ge {from.ToDateTimeOffset()} and OpenedAt lt {to.ToDateTimeOffset()}"), policyId);
        var records = new List<CaseRecord>();
        try
        {
            await foreach (var row in _cases.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var snapshot = CaseRows.ToSnapshot(row);
                var tail = CaseRowHistory.Read(row);
                var archived = Archived(row);
                var history = archived > 0 ? HistoryPart.Join([.. await ReadArchiveAsync(snapshot.Key, archived, cancellationToken).ConfigureAwait(false), tail]) : tail;
                records.Add(Record(snapshot, history));
                if (records.Count > limit)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
        {
            throw new StorageUnavailableException("Table Storage failed reading the cases of a period.", ex);
        }
        return records;
    }

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

    private async Task<StoredCase?> LoadAsync(CaseKey key, CancellationToken cancellationToken)
    {
        try
        {
            var found = await _cases.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, CaseRows.CaseRow(key), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!found.HasValue)
            {
                return null;
            }
            var row = found.Value!;
            var tail = CaseRowHistory.Read(row);
            var archived = Archived(row);
            var history = archived > 0 ? HistoryPart.Join([.. await ReadArchiveAsync(key, archived, cancellationToken).ConfigureAwait(false), tail]) : tail;
            var stored = new StoredCase(Record(CaseRows.ToSnapshot(row), history), row.ETag, archived, tail, StoredCase.ColumnsOf(row));
            _recent.Remember(key, stored);
            return stored;
        }
        catch (RequestFailedException ex) when (TableCalls.IsTransient(ex))
        {
            throw new StorageUnavailableException($"Table Storage failed reading {key}.", ex);
        }
    }

    // The earlier stretches of a case's history, in order. They are written once and never changed, and only in the
    // transaction that replaces the case row read before, so the row's ETag still guards the whole case.
    private async Task<List<HistoryPart>> ReadArchiveAsync(CaseKey key, int archived, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {key.PartitionKey} and RowKey ge {CaseRows.ArchivePrefix} and RowKey lt {CaseRows.ArchiveEnd}");
        // A writer may have added the next archive row since the case row was read: only the ones it counts belong.
        var parts = new List<HistoryPart>(archived);
        await foreach (var entity in _cases.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (parts.Count == archived)
            {
                break;
            }
            parts.Add(CaseRowHistory.Read(entity));
        }
        return parts.Count == archived
            ? parts
            : throw new StorageUnavailableException($"The case {key} counts {archived} archive rows and {parts.Count} were found.");
    }

    // How many archive rows a case row counts.
    private static int Archived(TableEntity row) => row.GetInt32(CaseRows.Archived) ?? 0;

    // The record after a commit: what it had, with what the commit added.
    private static CaseRecord Extend(CaseRecord? current, CaseSnapshot snapshot, HistoryPart added) => new()
    {
        Snapshot = snapshot,
        History = [.. current?.History ?? [], .. added.Events],
        Noticed = (current?.Noticed ?? Enumerable.Empty<string>()).Concat(added.Noticed).ToHashSet(StringComparer.Ordinal),
        Deliveries = (current?.Deliveries ?? Enumerable.Empty<string>()).Concat(added.Deliveries).ToHashSet(StringComparer.Ordinal),
    };

    private static CaseRecord Record(CaseSnapshot snapshot, HistoryPart history) => new()
    {
        Snapshot = snapshot,
        History = history.Events,
        Noticed = history.Noticed.ToHashSet(StringComparer.Ordinal),
        Deliveries = history.Deliveries.ToHashSet(StringComparer.Ordinal),
    };
}
