using Azure.Data.Tables;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Storage.Tests.Cases;

/// <summary>The due index in a table per UTC day: any window reads exactly the rows in it, across midnights; the table
/// of earlier versions is read and drained until it is dropped; past days' tables are dropped, the rest kept.</summary>
public sealed class DueIndexTests : IAsyncLifetime
{
    // Tuesday 2026-03-10 22:00 UTC: the generated rows span four UTC days around it.
    private static readonly Instant Base = Instant.FromUtc(2026, 3, 10, 22, 0);
    private AzuriteTables _tables = null!;
    private readonly TableServiceClient _service = new(AzuriteTables.ConnectionString);

    public async Task InitializeAsync() => _tables = await AzuriteTables.CreateAsync();

    public async Task DisposeAsync() => await _tables.DisposeAsync();

    // The naive reference: every row added and not removed, those in [from, to), in time then case order.
    [Fact]
    public async Task BetweenAsync_RowsAcrossDays_AnyWindowReadsExactlyTheRowsInIt()
    {
        var offsets = Gen.Choose(-36 * 60, 36 * 60); // minutes around Base: three midnights
        var rows = Gen.Zip(Gen.Choose(1, 6), offsets).Sample(40)
            .Select(p => new DueRow(new CaseKey("acme-zendesk", $"{p.Item1}"), Base + Duration.FromMinutes(p.Item2) + Duration.FromSeconds(p.Item1)))
            .DistinctBy(r => r.RowKey).ToList();
        foreach (var row in rows)
        {
            await _tables.Due.AddAsync(row.Key, row.At, default);
        }
        var removed = rows.Where((_, i) => i % 3 == 0).ToList();
        foreach (var row in removed)
        {
            await _tables.Due.RemoveAsync(row.Key, row.At, default);
        }
        var kept = rows.Except(removed).ToList();

        var windows = Gen.Zip(offsets, Gen.Choose(0, 30 * 60)).Sample(40);
        foreach (var (start, length) in windows.Append((-36 * 60, 72 * 60)).Append((0, 0)))
        {
            var (from, to) = (Base + Duration.FromMinutes(start), Base + Duration.FromMinutes(start + length));
            var expected = kept.Where(r => r.At >= from && r.At < to).OrderBy(r => r.RowKey, StringComparer.Ordinal).ToList();

            var read = await _tables.Due.BetweenAsync(from, to, default).ToListAsync();

            Assert.True(expected.SequenceEqual(read), $"[{from}, {to}): expected {string.Join(", ", expected)}, read {string.Join(", ", read)}");
        }
    }

    [Fact]
    public async Task AddAsync_RowsOfTwoDays_EachInItsDaysTable()
    {
        var key = new CaseKey("acme-zendesk", "7");
        await _tables.Due.AddAsync(key, Base, default);
        await _tables.Due.AddAsync(key, Base + Duration.FromHours(3), default); // 01:00 the next day

        Assert.Equal([_tables.DueName + "20260310", _tables.DueName + "20260311"], await DueTablesAsync());
    }

    // An upgrade: the one table earlier versions kept still holds rows. They are read with the day tables', removed
    // from it as they are judged, and the table is dropped once nothing at or after the retirement bound is left.
    [Fact]
    public async Task LegacyTable_ReadRemovedAndDroppedOnceDrained()
    {
        var (early, late) = (new CaseKey("acme-zendesk", "1"), new CaseKey("acme-zendesk", "2"));
        var legacy = _service.GetTableClient(_tables.DueName);
        await legacy.CreateIfNotExistsAsync();
        foreach (var (key, at) in new[] { (early, Base), (late, Base + Duration.FromDays(2)) })
        {
            await legacy.AddEntityAsync(new TableEntity(DueIndex.PartitionOf(at), DueIndex.RowKeyOf(key, at)));
        }
        var index = new DueIndex(_service, _tables.DueName); // a process started after the upgrade
        await index.AddAsync(early, Base + Duration.FromHours(1), default);

        Assert.Equal([new DueRow(early, Base), new DueRow(early, Base + Duration.FromHours(1))], await index.BetweenAsync(Base, Base + Duration.FromDays(1), default).ToListAsync());
        Assert.Equal([new DueRow(late, Base + Duration.FromDays(2))], await index.BetweenAsync(Base + Duration.FromDays(1), Base + Duration.FromDays(3), default).ToListAsync());

        await index.RemoveAsync(early, Base, default);
        await index.RetireAsync(Base, default);
        Assert.Contains(_tables.DueName, await DueTablesAsync()); // the late row is still to come

        var nextDay = new DueIndex(_service, _tables.DueName);
        await nextDay.RemoveAsync(late, Base + Duration.FromDays(2), default);
        await nextDay.RetireAsync(Base, default);
        Assert.DoesNotContain(_tables.DueName, await DueTablesAsync());
        Assert.Equal([new DueRow(early, Base + Duration.FromHours(1))], await nextDay.BetweenAsync(Base, Base + Duration.FromDays(3), default).ToListAsync());
    }

    [Fact]
    public async Task RetireAsync_DropsTheDaysBeforeItsDayAndKeepsTheRest()
    {
        var key = new CaseKey("acme-zendesk", "9");
        for (var day = -2; day <= 1; day++)
        {
            await _tables.Due.AddAsync(key, Base + Duration.FromDays(day), default);
        }

        await _tables.Due.RetireAsync(Base, default); // 2026-03-10 22:00: the 8th and 9th go

        Assert.Equal([_tables.DueName + "20260310", _tables.DueName + "20260311"], await DueTablesAsync());
        Assert.Equal([new DueRow(key, Base), new DueRow(key, Base + Duration.FromDays(1))], await _tables.Due.BetweenAsync(Base - Duration.FromDays(3), Base + Duration.FromDays(2), default).ToListAsync());

        // A row for a day already dropped (a next check days past) makes its table again.
        await _tables.Due.AddAsync(key, Base - Duration.FromDays(2), default);
        Assert.Equal([new DueRow(key, Base - Duration.FromDays(2))], await _tables.Due.BetweenAsync(Base - Duration.FromDays(3), Base - Duration.FromDays(1), default).ToListAsync());
    }

    private async Task<List<string>> DueTablesAsync()
    {
        var names = new List<string>();
        await foreach (var table in _service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {_tables.DueName} and TableName lt {_tables.DueName + ":"}")))
        {
            names.Add(table.Name);
        }
        return [.. names.Order(StringComparer.Ordinal)];
    }
}
