using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Hosting;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Notices;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Monitoring.Sweep;

namespace SlaFunctions.SweepBench;

/// <summary>One set of fresh tables on Azurite holding <c>open</c> LumenVox cases of the <c>acme-events</c> connection,
/// the first <c>due</c> of them due at the sweep's now, and the sweeps over it.</summary>
/// <remarks>
/// <para>Due cases are Critical, opened 1 to 40 minutes before now: their <c>critical-raised</c> point is due at the
/// opening, the 75 % warning at +45 minutes is not yet. They, and one 4 - Other template case for each of the last 12
/// opening hours, go in through the app's own <see cref="CaseIngestion"/> as a CloudEvents <c>opened</c> delivery
/// would (the case row, and its due-index row at its next check), at a fake clock set to the opening.
/// Every other case is its template's rows under its own key (ids, title, url and delivery id rewritten): the same rows
/// ingestion writes, without its read first, which on Azurite scans the whole table. Their first point (24 hours
/// elapsed) is a day ahead, so their index rows sit in the due index's tables of later days, which the sweep's window
/// never reaches.</para>
/// <para>Each timed sweep gets a fresh outbox table (so no checkpoint: it reads the first look-back, 7 days, up to
/// now) and finds its due cases as seeded: <see cref="ResetAsync"/> puts back their partitions and index rows. The
/// index rows the previous sweep wrote for their next check (+45 minutes) stay, as they would in production, outside
/// the window.</para>
/// </remarks>
internal sealed class SweepSet
{
    public const string Connection = "acme-events";
    private readonly string _name;
    private readonly string _storage;
    private readonly Policy _policy;
    private readonly PolicyCatalog _policies;
    private readonly ConnectionOptions _connection;
    private readonly Instant _now;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _outboxes = [];
    private const int Templates = 12;
    private List<TableEntity> _dueRows = [];
    private List<DueRow> _dueIndexRows = [];
    private int _run;

    public SweepSet(string name, int open, int due, string storage, PolicyCatalog policies, Instant now)
    {
        _name = name;
        Open = open;
        Due = due;
        _storage = storage;
        _policies = policies;
        _policy = policies.TryGet("lumenvox", out var policy) ? policy : throw new InvalidOperationException("policies/lumenvox.yaml is not loaded.");
        _connection = new ConnectionOptions { Source = "cloudevents", Policy = "lumenvox", Customer = "Acme", Secrets = ["sweep-bench-secret-0123456789"] };
        _now = now;
    }

    public string Name => _name;

    public int Open { get; }

    public int Due { get; }

    private StorageOptions Options(string outbox) => new()
    {
        ConnectionString = _storage,
        CasesTable = $"bench{_name}cases{_suffix}",
        DueTable = $"bench{_name}due{_suffix}",
        OutboxTable = outbox,
        DeliveriesTable = $"bench{_name}sent{_suffix}",
        PoisonTable = $"bench{_name}poison{_suffix}",
    };

    /// <summary>Seeds the set: the due cases, and one template case per opening hour, through
    /// <see cref="CaseIngestion"/>; every other case as a copy of its template's rows (case partition and due-index
    /// row) under its own key, in transactions, <paramref name="concurrency"/> at a time.</summary>
    public async Task SeedAsync(int concurrency, Action<string> progress)
    {
        using var tables = new CaseTables(Options($"bench{_name}outbox{_suffix}"));
        await tables.EnsureCreatedAsync(default);
        var templates = Math.Min(Templates, Open - Due);
        await ForEachAsync(Due + templates, concurrency, i => IngestAsync(tables, i));
        progress($"{Due} due cases and {templates} templates ingested");

        var cases = CasesTable();
        var due = DueIndex();
        var indexRows = await due.BetweenAsync(_now - Duration.FromDays(30), _now + Duration.FromDays(30), default).ToListAsync();
        var copies = new List<(List<TableEntity> Rows, DueRow Index, CaseKey Key)>();
        for (var t = 0; t < templates; t++)
        {
            var key = Key(Due + t);
            var rows = await cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {key.PartitionKey}")).ToListAsync();
            var index = indexRows.Single(r => r.Key == key);
            copies.Add((rows, index, key));
        }
        var copied = 0;
        var indexCopies = new ConcurrentBag<DueRow>();
        await ForEachAsync(Open - Due - templates, concurrency, async n =>
        {
            var i = Due + templates + n;
            var (rows, index, template) = copies[(i - Due) % templates];
            var key = Key(i);
            string Map(string text) => text.Replace(template.PartitionKey, key.PartitionKey, StringComparison.Ordinal).Replace(template.ExternalId, key.ExternalId, StringComparison.Ordinal);
            await cases.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, Copy(r, Map))));
            indexCopies.Add(index with { Key = key });
            if (Interlocked.Increment(ref copied) % 10_000 == 0)
            {
                progress($"{copied} cases copied");
            }
        });
        await PutIndexRowsAsync([.. indexCopies], concurrency);
        progress($"{copied} cases copied, {indexCopies.Count} due-index rows written");

        // What reset puts back: the due cases' partitions and their index rows, as ingestion wrote them.
        _dueRows = await cases.QueryAsync<TableEntity>(DueCasesFilter()).ToListAsync();
        _dueIndexRows = await due.BetweenAsync(_now - Duration.FromDays(30), _now + Duration.FromSeconds(1), default).ToListAsync();
        if (_dueIndexRows.Count != Due)
        {
            throw new InvalidOperationException($"Set {_name} has {_dueIndexRows.Count} due-index rows up to now, not {Due}.");
        }
    }

    /// <summary>Puts the due cases back as seeded: deletes their partitions, writes the rows ingestion wrote, and
    /// their due-index rows (the ones the sweep removed).</summary>
    public async Task ResetAsync(int concurrency)
    {
        var cases = CasesTable();
        var now = (await cases.QueryAsync<TableEntity>(DueCasesFilter(), select: ["PartitionKey", "RowKey"]).ToListAsync()).GroupBy(r => r.PartitionKey).ToList();
        await ForEachAsync(now.Count, concurrency, i => cases.SubmitTransactionAsync(now[i].Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r))));
        var seeded = _dueRows.GroupBy(r => r.PartitionKey).ToList();
        await ForEachAsync(seeded.Count, concurrency, i => cases.SubmitTransactionAsync(seeded[i].Select(r => new TableTransactionAction(TableTransactionActionType.Add, Copy(r, t => t)))));
        await PutIndexRowsAsync(_dueIndexRows, concurrency);
    }

    /// <summary>One sweep at the fixed now, over a fresh outbox. With <paramref name="workers"/> 0 the timer judges
    /// every case itself (the sweep before issue 18); otherwise it cuts every case into slices, which that many slice
    /// workers (each with its own clients, as separate instances would have) judge as the timer queues them. The time
    /// runs from the timer's start until the last slice is done.</summary>
    public async Task<SweepTiming> SweepAsync(SweepOptions options, int workers)
    {
        var outbox = $"bench{_name}outbox{_suffix}r{++_run}";
        _outboxes.Add(outbox);
        var clock = new FakeClock(_now);
        var webhooks = new WebhookOptions { Connections = { [Connection] = _connection } };
        var instances = new List<CaseTables>();
        try
        {
            for (var i = 0; i <= workers; i++)
            {
                var tables = new CaseTables(Options(outbox));
                await tables.EnsureCreatedAsync(default);
                instances.Add(tables);
            }
            CaseJudge Judge(CaseTables tables) => new(tables, _policies, webhooks, new HookOptions(), NullLogger<CaseJudge>.Instance);
            var timerOptions = new SweepOptions
            {
                Parallelism = options.Parallelism,
                SliceCases = options.SliceCases,
                InlineCases = workers == 0 ? int.MaxValue : 0,
            };
            var sweeper = new Sweeper(instances[0], Judge(instances[0]), timerOptions, clock, NullLogger<Sweeper>.Instance);
            var queue = new CountedNotices();
            var slices = new SliceChannel();
            var elapsed = Stopwatch.StartNew();
            var working = instances.Skip(1).Select(async tables =>
            {
                var worker = new SliceSweeper(tables, Judge(tables), options, clock, NullLogger<SliceSweeper>.Instance);
                var (cases, queued) = (0, 0);
                await foreach (var slice in slices.Reader.ReadAllAsync())
                {
                    var report = await worker.RunAsync(slice, queue, default);
                    (cases, queued) = (cases + report.Cases, queued + report.Notices);
                }
                return (Cases: cases, Queued: queued);
            }).ToList();
            var timer = await sweeper.RunAsync(queue, slices, default);
            var timerElapsed = elapsed.Elapsed;
            slices.Complete();
            var done = await Task.WhenAll(working);
            elapsed.Stop();
            var judged = workers == 0 ? timer.Cases : done.Sum(d => d.Cases);
            return new SweepTiming(elapsed.Elapsed, timerElapsed, judged, timer.Notices + done.Sum(d => d.Queued), queue.Distinct, timer.Slices);
        }
        finally
        {
            foreach (var tables in instances)
            {
                tables.Dispose();
            }
        }
    }

    /// <summary>Deletes every table the set made.</summary>
    public async Task DropAsync()
    {
        var service = new TableServiceClient(_storage);
        var options = Options($"bench{_name}outbox{_suffix}");
        foreach (var table in _outboxes.Append(options.OutboxTable).Append(options.CasesTable).Append(options.DeliveriesTable).Append(options.PoisonTable))
        {
            await service.DeleteTableAsync(table);
        }
        await new DueIndex(service, options.DueTable).DropAllAsync(default);
    }

    /// <summary>Deletes every table named as a set names them (<c>bencha…</c>, <c>benchb…</c>): what runs that were
    /// stopped before their clean-up left.</summary>
    public static async Task<int> DropLeftoversAsync(string storage)
    {
        var service = new TableServiceClient(storage);
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {"bencha"} and TableName lt {"benchc"}")))
        {
            names.Add(table.Name);
        }
        foreach (var name in names)
        {
            await service.DeleteTableAsync(name);
        }
        return names.Count;
    }

    private static CaseKey Key(int i) => new(Connection, $"{i:D6}");

    private TableClient CasesTable() => new TableServiceClient(_storage).GetTableClient(Options("unused").CasesTable);

    private DueIndex DueIndex() => new(new TableServiceClient(_storage), Options("unused").DueTable);

    private string DueCasesFilter() =>
        TableClient.CreateQueryFilter($"PartitionKey ge {Key(0).PartitionKey} and PartitionKey le {Key(Due - 1).PartitionKey}");

    // A row as written: its keys mapped, its properties (strings mapped) without the service's ETag and Timestamp.
    internal static TableEntity Copy(TableEntity row, Func<string, string> map)
    {
        var copy = new TableEntity(map(row.PartitionKey), map(row.RowKey));
        foreach (var (name, value) in row)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }
            copy[name] = value is string text ? map(text) : value;
        }
        return copy;
    }

    // Due-index rows, as DueIndex writes them, in transactions of up to 100 rows of one hour partition (of one day's
    // table, which the template cases' ingestion created).
    private async Task PutIndexRowsAsync(List<DueRow> rows, int concurrency)
    {
        var service = new TableServiceClient(_storage);
        var index = DueIndex();
        var batches = rows.GroupBy(r => r.Partition).SelectMany(g => g.Chunk(100)).ToList();
        await ForEachAsync(batches.Count, concurrency, i => service.GetTableClient(index.TableOf(batches[i][0].At))
            .SubmitTransactionAsync(batches[i].Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(r.Partition, r.RowKey)))));
    }

    internal static async Task ForEachAsync(int count, int concurrency, Func<int, Task> body)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await body(i);
            }
        }));
    }

    private async Task IngestAsync(CaseTables tables, int i)
    {
        var due = i < Due;
        var openedAt = due ? _now - Duration.FromMinutes(1 + (i % 40)) : _now - Duration.FromHours((i - Due) % Templates) - Duration.FromMinutes(1);
        var key = Key(i);
        var incoming = new IncomingCase
        {
            Key = key,
            DeliveryId = $"https://desk.acme.example/cases {key.ExternalId}-opened",
            OpenedAt = openedAt,
            Priority = due ? "critical" : "low",
            Title = $"Bench case {key.ExternalId}",
            Url = $"https://desk.acme.example/cases/{key.ExternalId}",
            Assignee = "bo@vendor.example",
            Requester = "kim@acme.example",
        };
        // The delivery arrives as the case opens, as a ticket tool's webhook would.
        var outcome = await new CaseIngestion(tables, new HookOptions(), new FakeClock(openedAt)).ApplyAsync(_policy, incoming, default);
        if (outcome != CommitOutcome.Applied)
        {
            throw new InvalidOperationException($"Seeding {key} gave {outcome}, not Applied.");
        }
    }

    // The slice queue as an in-process channel: the timer writes, the workers read as slices arrive.
    private sealed class SliceChannel : ISliceQueue
    {
        private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();

        public ChannelReader<string> Reader => _channel.Reader;

        public void Complete() => _channel.Writer.Complete();

        public Task SendAsync(string slice, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(slice, cancellationToken).AsTask();
    }

    // Keeps the ids of what the sweep queues, through the wire format every transport carries.
    private sealed class CountedNotices : INoticeQueue
    {
        private readonly ConcurrentDictionary<string, byte> _ids = new(StringComparer.Ordinal);
        public int Distinct => _ids.Count;

        public Task SendAsync(string noticeJson, CancellationToken cancellationToken)
        {
            _ids.TryAdd(NoticeJson.Read(noticeJson).Id, 0);
            return Task.CompletedTask;
        }
    }
}
