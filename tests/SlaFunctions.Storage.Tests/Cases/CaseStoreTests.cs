using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Storage.Tests.Cases;

public sealed class CaseStoreTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 6, 14, 0);
    private AzuriteTables _tables = null!;

    public async Task InitializeAsync() => _tables = await AzuriteTables.CreateAsync();

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    private static CaseSnapshot Snapshot(CaseKey key, Instant? nextCheck = null) => new()
    {
        Key = key,
        PolicyId = "lumenvox",
        OpenedAt = Opened,
        OpenedSeverity = "2",
        Severity = "2",
        Title = "Calls drop after 30 s",
        NextCheckAt = nextCheck,
    };

    private static HistoryEntry Reply(Instant at, string delivery) => new()
    {
        Event = CaseEvent.AgentReply(at),
        DeliveryId = delivery,
        ReceivedAt = at,
    };

    // Appends one agent reply, keeping the row's other fields.
    private static Func<CaseRecord?, CaseChange?> AppendReply(CaseKey key, Instant at, string delivery) => current => new CaseChange
    {
        Snapshot = current?.Snapshot ?? Snapshot(key),
        Append = [Reply(at, delivery)],
    };

    [Fact]
    public async Task CommitAsync_NewCase_IsReadBackWithItsHistory()
    {
        var key = new CaseKey("acme-zendesk", "35436");

        var outcome = await _tables.Store.CommitAsync(key, "d-1", AppendReply(key, Opened + Duration.FromMinutes(20), "d-1"), default);

        Assert.Equal(CommitOutcome.Applied, outcome);
        var read = await _tables.Store.GetAsync(key, default);
        Assert.NotNull(read);
        Assert.Equal("lumenvox", read.Snapshot.PolicyId);
        Assert.Equal(Opened, read.Snapshot.OpenedAt);
        Assert.Equal("Calls drop after 30 s", read.Snapshot.Title);
        Assert.Equal(1, read.Snapshot.Version);
        var entry = Assert.Single(read.History);
        Assert.Equal(CaseEventType.AgentReply, entry.Event.Type);
        Assert.Equal(Opened + Duration.FromMinutes(20), entry.Event.At);
        Assert.Equal("d-1", entry.DeliveryId);
    }

    [Fact]
    public async Task CommitAsync_SameDeliveryTwice_SecondChangesNothing()
    {
        var key = new CaseKey("acme-zendesk", "1");
        await _tables.Store.CommitAsync(key, "d-1", AppendReply(key, Opened, "d-1"), default);

        var second = await _tables.Store.CommitAsync(key, "d-1", AppendReply(key, Opened + Duration.FromHours(1), "d-1"), default);

        Assert.Equal(CommitOutcome.Duplicate, second);
        var read = await _tables.Store.GetAsync(key, default);
        Assert.Single(read!.History);
        Assert.Equal(1, read.Snapshot.Version);
    }

    [Fact]
    public async Task CommitAsync_DecisionOfNoChange_WritesNothing()
    {
        var key = new CaseKey("acme-zendesk", "2");

        var outcome = await _tables.Store.CommitAsync(key, "d-1", _ => null, default);

        Assert.Equal(CommitOutcome.Unchanged, outcome);
        Assert.Null(await _tables.Store.GetAsync(key, default));
    }

    [Theory]
    [InlineData(null)] // the default: the whole history stays in the case row
    [InlineData(400)] // about three events a row: the history moves to archive rows while writers race
    public async Task CommitAsync_FiftyDistinctAndTwentyDuplicatesInParallel_EachDistinctEventStoredOnce(int? budget)
    {
        var store = budget is { } small ? new CaseStore(_tables.Cases, _tables.Due, small) : _tables.Store;
        var key = new CaseKey("acme-jira", "SUP-42");
        var distinct = Enumerable.Range(0, 50).Select(i => (Delivery: $"d-{i}", At: Opened + Duration.FromMinutes(i)));
        var duplicates = Enumerable.Range(0, 20).Select(_ => (Delivery: "dup", At: Opened + Duration.FromHours(5)));

        var outcomes = await Task.WhenAll(distinct.Concat(duplicates).Select(d =>
            Task.Run(() => store.CommitAsync(key, d.Delivery, AppendReply(key, d.At, d.Delivery), default))));

        Assert.Equal(51, outcomes.Count(o => o == CommitOutcome.Applied));
        Assert.Equal(19, outcomes.Count(o => o == CommitOutcome.Duplicate));
        var read = await new CaseStore(_tables.Cases, _tables.Due).GetAsync(key, default);
        Assert.Equal(51, read!.History.Count);
        Assert.Equal(51, read.History.Select(h => h.DeliveryId).Distinct().Count());
        Assert.Equal(51, read.Deliveries.Count);
        Assert.Equal(51, read.Snapshot.Version);
    }

    [Fact]
    public async Task CommitAsync_DeliveryThatAppendsNoEvent_IsStillADuplicateWhenRedelivered()
    {
        var key = new CaseKey("acme-zendesk", "3");
        await _tables.Store.CommitAsync(key, "d-1", AppendReply(key, Opened, "d-1"), default);
        Func<CaseRecord?, CaseChange?> retitle = c => new CaseChange { Snapshot = c!.Snapshot with { Title = "Calls drop after 20 s" } };
        await _tables.Store.CommitAsync(key, "d-2", retitle, default);

        // Read afresh, as another instance would, and through the copy this one kept.
        var fresh = new CaseStore(_tables.Cases, _tables.Due);
        Assert.Equal(CommitOutcome.Duplicate, await fresh.CommitAsync(key, "d-2", retitle, default));
        Assert.Equal(CommitOutcome.Duplicate, await _tables.Store.CommitAsync(key, "d-2", retitle, default));
        Assert.Equal(2, (await fresh.GetAsync(key, default))!.Snapshot.Version);
    }

    [Fact]
    public async Task CommitAsync_NextCheckMovesEarlier_NewRowIndexedFirst()
    {
        var key = new CaseKey("acme zendesk/eu", "7#1"); // characters a table key may not hold are escaped
        var later = Opened + Duration.FromHours(30);
        var first = Opened + Duration.FromHours(1);
        await _tables.Store.CommitAsync(key, "d-1", _ => new CaseChange { Snapshot = Snapshot(key, later) }, default);

        Assert.Equal([(key, later)], await Due(Opened, Opened + Duration.FromDays(3)));

        await _tables.Store.CommitAsync(key, "d-2", c => new CaseChange { Snapshot = c!.Snapshot with { NextCheckAt = first } }, default);

        // The new row is written before the commit; the old one stays for the sweep to discard when it re-judges.
        Assert.Equal([(key, first), (key, later)], await Due(Opened, Opened + Duration.FromDays(3)));
        Assert.Equal([(key, first)], await Due(Opened, later)); // the window is half-open
    }

    [Fact]
    public async Task CommitAsync_NextCheckMovesLater_WritesNoRow_TheEarlierOneStillBringsTheSweep()
    {
        var key = new CaseKey("acme-zendesk", "8");
        var first = Opened + Duration.FromHours(1);
        await _tables.Store.CommitAsync(key, "d-1", _ => new CaseChange { Snapshot = Snapshot(key, first) }, default);

        await _tables.Store.CommitAsync(key, "d-2", c => new CaseChange { Snapshot = c!.Snapshot with { NextCheckAt = first + Duration.FromHours(5) } }, default);

        Assert.Equal([(key, first)], await Due(Opened, Opened + Duration.FromDays(3)));
    }

    [Fact]
    public async Task CommitAsync_AnotherProcessWroteSince_StaleCopyLosesOnItsETagAndTheCommitRereads()
    {
        // Two stores on one table stand for two app instances, each remembering the cases it wrote.
        var other = new CaseStore(_tables.Cases, _tables.Due);
        var key = new CaseKey("acme-zendesk", "9");
        await _tables.Store.CommitAsync(key, "d-1", AppendReply(key, Opened, "d-1"), default);
        await other.CommitAsync(key, "d-2", AppendReply(key, Opened + Duration.FromMinutes(1), "d-2"), default);

        var seen = new List<int>();
        var outcome = await _tables.Store.CommitAsync(key, "d-3", current =>
        {
            seen.Add(current!.History.Count);
            return new CaseChange { Snapshot = current.Snapshot, Append = [Reply(Opened + Duration.FromMinutes(2), "d-3")] };
        }, default);

        Assert.Equal(CommitOutcome.Applied, outcome);
        Assert.Equal([1, 2], seen); // decided on its own stale copy first, then on the case read afresh
        var read = await other.GetAsync(key, default);
        Assert.Equal(["d-1", "d-2", "d-3"], read!.History.Select(h => h.DeliveryId));
        Assert.Equal(3, read.Snapshot.Version);
    }

    [Fact]
    public async Task GetAsync_HistoryAndMarks_ComeBackFromTheCaseRowAsStored()
    {
        var key = new CaseKey("acme-zendesk", "ü \"quoted\" 9");
        var events = new HistoryEntry[]
        {
            new() { Event = CaseEvent.StatusChange(Opened + Duration.FromMinutes(5), CaseStatus.Pending), DeliveryId = "d-1", ReceivedAt = Opened + Duration.FromSeconds(301), Note = "Kunde wartet: «Antwort» <b>&</b>" },
            new() { Event = CaseEvent.SeverityChange(Opened + Duration.FromMinutes(1), "1"), DeliveryId = "d-1", ReceivedAt = Opened + Duration.FromTicks(123_456_789) },
            Reply(Opened + Duration.FromHours(2), "d-2"),
            // Team targets: the group that took the case, then none.
            new() { Event = CaseEvent.GroupChange(Opened + Duration.FromHours(3), "Level 2"), DeliveryId = "d-2", ReceivedAt = Opened + Duration.FromHours(3) },
            new() { Event = CaseEvent.GroupChange(Opened + Duration.FromHours(4), null), DeliveryId = "d-2", ReceivedAt = Opened + Duration.FromHours(4) },
        };
        await _tables.Store.CommitAsync(key, "d-1", _ => new CaseChange { Snapshot = Snapshot(key), Append = events[..2], Notices = ["warn|a"] }, default);
        await _tables.Store.CommitAsync(key, "d-2", c => new CaseChange { Snapshot = c!.Snapshot, Append = events[2..], Notices = ["warn|a", "breach|b"] }, default);

        var read = await _tables.Store.GetAsync(key, default);

        Assert.Equal(events, read!.History);
        Assert.Equal(new HashSet<string> { "warn|a", "breach|b" }, read.Noticed);
        Assert.Equal(2, read.Snapshot.Version);
    }

    [Fact]
    public async Task GetAsync_HistoryOutgrowsTheRow_EarlierStretchesMoveToArchiveRowsUnchanged_AndReadBackWhole()
    {
        // A budget of 400 characters holds about two events and their marks: the history moves on as it grows.
        var small = new CaseStore(_tables.Cases, _tables.Due, historyBudget: 400);
        var key = new CaseKey("acme-zendesk", "long");
        await CommitRepliesAsync(small, key, 0, 6, marked: true);
        var archives = await ArchiveRows(key);
        var first = archives[0];
        await CommitRepliesAsync(small, key, 6, 9);

        archives = await ArchiveRows(key);
        var row = (await _tables.Cases.GetEntityAsync<Azure.Data.Tables.TableEntity>(key.PartitionKey, "a|" + key.PartitionKey)).Value;
        Assert.True(archives.Count >= 2, $"only {archives.Count} archive rows");
        Assert.Equal(archives.Count, row.GetInt32("Archived"));
        Assert.NotNull(row.GetString("History0")); // the latest stretch stays in the case row
        Assert.Equal(first.ETag, archives[0].ETag); // an archive row is written once and never again
        foreach (var store in new[] { small, new CaseStore(_tables.Cases, _tables.Due) })
        {
            var read = await store.GetAsync(key, default);
            Assert.Equal(Enumerable.Range(0, 9).Select(i => $"d-{i}"), read!.History.Select(h => h.DeliveryId));
            Assert.Equal(Enumerable.Range(0, 6).Select(i => $"point|{i}").ToHashSet(), read.Noticed);
            Assert.Equal(9, read.Snapshot.Version);
        }
        // A redelivery of an event that moved to the first archive row is still caught, by a store that reads afresh.
        var fresh = new CaseStore(_tables.Cases, _tables.Due, historyBudget: 400);
        Assert.Equal(CommitOutcome.Duplicate, await fresh.CommitAsync(key, "d-0", AppendReply(key, Opened, "d-0"), default));
    }

    [Fact]
    public async Task CommitAsync_StaleCopyWouldMoveTheHistory_LosesTheRaceAndMovesWhatIsThere()
    {
        // Two instances; the first one's copy of the case is stale when its commit moves the row's history to an
        // archive row. That transaction must fail on the case row's ETag: if it went through, d-2 would be lost.
        var one = new CaseStore(_tables.Cases, _tables.Due, historyBudget: 300);
        var two = new CaseStore(_tables.Cases, _tables.Due, historyBudget: 300);
        var key = new CaseKey("acme-zendesk", "race");
        await one.CommitAsync(key, "d-1", AppendReply(key, Opened, "d-1"), default);
        await two.CommitAsync(key, "d-2", AppendReply(key, Opened + Duration.FromMinutes(1), "d-2"), default);
        Assert.Empty(await ArchiveRows(key));

        var note = new string('n', 100);
        var seen = new List<int>();
        var outcome = await one.CommitAsync(key, "d-3", current =>
        {
            seen.Add(current!.History.Count);
            return new CaseChange { Snapshot = current.Snapshot, Append = [Reply(Opened + Duration.FromMinutes(2), "d-3") with { Note = note }] };
        }, default);

        Assert.Equal(CommitOutcome.Applied, outcome);
        Assert.Equal([1, 2], seen);
        Assert.Single(await ArchiveRows(key));
        var read = await new CaseStore(_tables.Cases, _tables.Due).GetAsync(key, default);
        Assert.Equal(["d-1", "d-2", "d-3"], read!.History.Select(h => h.DeliveryId));
    }

    [Fact]
    public async Task CommitAsync_RedeliveryReachesAnInstanceWhoseCopyIsStale_IsADuplicate()
    {
        // The tool retries d-2 against the other instance, whose copy of the case predates d-2.
        var other = new CaseStore(_tables.Cases, _tables.Due);
        var key = new CaseKey("acme-zendesk", "retry");
        await _tables.Store.CommitAsync(key, "d-1", AppendReply(key, Opened, "d-1"), default);
        Assert.NotNull(await other.GetAsync(key, default)); // other remembers the case as it was after d-1
        await _tables.Store.CommitAsync(key, "d-2", AppendReply(key, Opened + Duration.FromMinutes(1), "d-2"), default);

        var outcome = await other.CommitAsync(key, "d-2", AppendReply(key, Opened + Duration.FromMinutes(1), "d-2"), default);

        Assert.Equal(CommitOutcome.Duplicate, outcome);
        var read = await new CaseStore(_tables.Cases, _tables.Due).GetAsync(key, default);
        Assert.Equal(["d-1", "d-2"], read!.History.Select(h => h.DeliveryId));
        Assert.Equal(2, read.Snapshot.Version);
    }

    [Fact]
    public async Task GetAsync_ArchiveRowBeyondTheCount_IsNotPartOfTheCase()
    {
        // A reader that has the case row may find one archive row more than it counts: a writer's transaction added it
        // (and a newer case row) since. Only the rows the case row counts belong to what the reader read.
        var small = new CaseStore(_tables.Cases, _tables.Due, historyBudget: 400);
        var key = new CaseKey("acme-zendesk", "beyond");
        await CommitRepliesAsync(small, key, 0, 6);
        var archives = await ArchiveRows(key);
        Assert.NotEmpty(archives);
        var beyond = new Azure.Data.Tables.TableEntity(key.PartitionKey, $"e|{key.PartitionKey}|{archives.Count:D6}");
        foreach (var column in archives[0].Keys.Where(k => k.StartsWith("History", StringComparison.Ordinal)))
        {
            beyond[column] = archives[0][column]; // the first stretch again: if it were read, d-0 would appear twice
        }
        await _tables.Cases.AddEntityAsync(beyond);

        var read = await new CaseStore(_tables.Cases, _tables.Due).GetAsync(key, default);

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"d-{i}"), read!.History.Select(h => h.DeliveryId));
    }

    [Fact]
    public async Task CommitAsync_CaseRowWithoutDeliveryIds_ItsEventsIdsCatchRedeliveries()
    {
        // A case row written before the history kept the ids of deliveries applied: only its events name them.
        var key = new CaseKey("acme-zendesk", "older");
        await _tables.Store.CommitAsync(key, "d-1", AppendReply(key, Opened, "d-1"), default);
        var row = (await _tables.Cases.GetEntityAsync<Azure.Data.Tables.TableEntity>(key.PartitionKey, "a|" + key.PartitionKey)).Value;
        var history = System.Text.Json.Nodes.JsonNode.Parse(row.GetString("History0"))!.AsObject();
        Assert.True(history.Remove("deliveries"));
        row["History0"] = history.ToJsonString();
        await _tables.Cases.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace);

        var fresh = new CaseStore(_tables.Cases, _tables.Due);
        Assert.Equal(["d-1"], (await fresh.GetAsync(key, default))!.Deliveries);
        Assert.Equal(CommitOutcome.Duplicate, await fresh.CommitAsync(key, "d-1", AppendReply(key, Opened, "d-1"), default));
        Assert.Equal(CommitOutcome.Applied, await fresh.CommitAsync(key, "d-2", AppendReply(key, Opened + Duration.FromMinutes(1), "d-2"), default));
        Assert.Equal(["d-1", "d-2"], (await new CaseStore(_tables.Cases, _tables.Due).GetAsync(key, default))!.Deliveries.Order());
    }

    [Fact]
    public async Task CommitAsync_TwoCases_ShareNoRowKey()
    {
        var small = new CaseStore(_tables.Cases, _tables.Due, historyBudget: 400);
        var one = new CaseKey("acme-zendesk", "1");
        var two = new CaseKey("acme-zendesk", "2");
        foreach (var key in new[] { one, two })
        {
            for (var i = 0; i < 4; i++)
            {
                var at = Opened + Duration.FromMinutes(i);
                await small.CommitAsync(key, $"same-delivery-id-{i}", c => new CaseChange { Snapshot = Snapshot(key), Append = [Reply(at, $"same-delivery-id-{i}")], Notices = ["warn|a"] }, default);
            }
        }

        var rows = await _tables.Cases.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]).ToListAsync();

        Assert.Equal(2, rows.Count(r => r.RowKey.StartsWith("a|", StringComparison.Ordinal)));
        Assert.Contains(rows, r => r.RowKey.StartsWith("e|", StringComparison.Ordinal)); // archive rows too
        Assert.Equal(rows.Count, rows.Select(r => r.RowKey).Distinct().Count());
    }

    // Deliveries d-{from} to d-{to - 1}, one after another, each an agent reply a minute after the last (and, when
    // marked, a notice mark point|{i}).
    private static async Task CommitRepliesAsync(CaseStore store, CaseKey key, int from, int to, bool marked = false)
    {
        for (var i = from; i < to; i++)
        {
            var (at, delivery) = (Opened + Duration.FromMinutes(i), $"d-{i}");
            var notices = marked ? new[] { $"point|{i}" } : [];
            await store.CommitAsync(key, delivery, c => new CaseChange { Snapshot = c?.Snapshot ?? Snapshot(key), Append = [Reply(at, delivery)], Notices = notices }, default);
        }
    }

    private async Task<List<Azure.Data.Tables.TableEntity>> ArchiveRows(CaseKey key) =>
        await _tables.Cases.QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {key.PartitionKey} and RowKey ge {"e|"} and RowKey lt {"f"}")).ToListAsync();

    private async Task<List<(CaseKey, Instant)>> Due(Instant from, Instant to)
    {
        var found = new List<(CaseKey, Instant)>();
        await foreach (var row in _tables.Store.Due.BetweenAsync(from, to, default))
        {
            found.Add((row.Key, row.At));
        }
        return found;
    }
}
