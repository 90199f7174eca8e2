using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Monitoring.WhatIf;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.SweepBench;

/// <summary>What-if benchmark (issue 20): <c>--cases</c> LumenVox cases opened in October 2026 (48 templates with
/// replies, pending spells and solves, ingested by the app's own <see cref="CaseIngestion"/>, then copied under new keys)
/// in fresh tables on Azurite, replayed under a draft (first response 30m not 4h for Major, 1h not 8h for Minor,
/// Major's resolution 12h not 48h, warnings at 25 % not 75 %) by <see cref="WhatIfReplay"/>, reading every case from storage, several times.</summary>
internal static class WhatIfRun
{
    private static readonly Instant October = Instant.FromUtc(2026, 10, 1, 0, 0);
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 5, 12, 0);
    private const int Templates = 48;

    public static async Task<int> RunAsync(string policiesFolder, string storage, int cases, int runs, int concurrency)
    {
        var ci = CultureInfo.InvariantCulture;
        var policies = PolicyCatalog.LoadDirectory(policiesFolder);
        var lumenvox = policies.TryGet("lumenvox", out var loaded) ? loaded : throw new InvalidOperationException("policies/lumenvox.yaml is not loaded.");
        var draftText = (await File.ReadAllTextAsync(Path.Combine(policiesFolder, "lumenvox.yaml")))
            .Replace("firstResponse: { within: 4h", "firstResponse: { within: 30m", StringComparison.Ordinal)
            .Replace("firstResponse: { within: 8h", "firstResponse: { within: 1h", StringComparison.Ordinal)
            .Replace("resolution: { within: 48h", "resolution: { within: 12h", StringComparison.Ordinal)
            .Replace("percent: 75", "percent: 25", StringComparison.Ordinal);
        var draft = PolicyReader.Read(draftText, PolicyFormat.Yaml, policiesFolder).Policy ?? throw new InvalidOperationException("The draft is invalid.");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var options = new StorageOptions
        {
            ConnectionString = storage,
            CasesTable = $"benchwicases{suffix}",
            DueTable = $"benchwidue{suffix}",
            OutboxTable = $"benchwioutbox{suffix}",
            DeliveriesTable = $"benchwisent{suffix}",
            PoisonTable = $"benchwipoison{suffix}",
        };
        var webhooks = new WebhookOptions();
        webhooks.Connections[SweepSet.Connection] = new ConnectionOptions { Source = "cloudevents", Policy = "lumenvox", Customer = "Acme", Secrets = ["what-if-bench-secret-0123456789"] };
        using var tables = new CaseTables(options);
        try
        {
            var seeding = Stopwatch.StartNew();
            await SeedAsync(tables, new TableServiceClient(storage).GetTableClient(options.CasesTable), lumenvox, cases, concurrency);
            Console.WriteLine(string.Create(ci, $"seeded {cases} cases in {seeding.Elapsed.TotalSeconds:F1} s"));
            var replay = new WhatIfReplay(tables, policies, webhooks, new FakeClock(Now));
            var errors = new List<ProblemError>();
            var query = replay.Read(draft, "2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z", errors) ?? throw new InvalidOperationException(string.Join("; ", errors));
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var timer = Stopwatch.StartNew();
                var report = await replay.RunAsync(query, errors, default) ?? throw new InvalidOperationException(string.Join("; ", errors));
                times.Add(timer.Elapsed.TotalSeconds);
                Console.WriteLine(string.Create(ci, $"run {run + 1}: {timer.Elapsed.TotalSeconds:F2} s, {report.Cases} cases replayed, {report.Flipped} flipped, {report.Changed} changed, {report.Compliance.Count} compliance rows"));
                foreach (var row in run == 0 ? report.Compliance : [])
                {
                    Console.WriteLine(string.Create(ci, $"  {row.Customer}, {row.Target}: {row.Before?.PercentMet}% -> {row.After?.PercentMet}% ({row.PercentMetChange})"));
                }
                if (report.Cases != cases)
                {
                    throw new InvalidOperationException($"Replayed {report.Cases} cases, not {cases}.");
                }
            }
            var sorted = times.Order().ToList();
            Console.WriteLine(string.Create(ci, $"what-if of {cases} stored cases: median {sorted[sorted.Count / 2]:F2} s over {runs} runs [{string.Join(", ", times.Select(t => t.ToString("F2", ci)))}]"));
            return 0;
        }
        finally
        {
            var service = new TableServiceClient(storage);
            foreach (var table in new[] { options.CasesTable, options.OutboxTable, options.DeliveriesTable, options.PoisonTable })
            {
                await service.DeleteTableAsync(table);
            }
            await new DueIndex(service, options.DueTable).DropAllAsync(default);
        }
    }

    // The templates through ingestion, then every other case as a copy of its template's case rows under its own key.
    private static async Task SeedAsync(CaseTables tables, TableClient cases, Engine.Contracts.Policy policy, int count, int concurrency)
    {
        await tables.EnsureCreatedAsync(default);
        var templates = Math.Min(Templates, count);
        for (var i = 0; i < templates; i++)
        {
            await IngestAsync(tables, policy, i);
        }
        var rows = new List<List<TableEntity>>();
        for (var t = 0; t < templates; t++)
        {
            rows.Add(await cases.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Key(t).PartitionKey}")).ToListAsync());
        }
        await SweepSet.ForEachAsync(count - templates, concurrency, async n =>
        {
            var i = templates + n;
            var template = Key(i % templates);
            var key = Key(i);
            string Map(string text) => text.Replace(template.PartitionKey, key.PartitionKey, StringComparison.Ordinal).Replace(template.ExternalId, key.ExternalId, StringComparison.Ordinal);
            await cases.SubmitTransactionAsync(rows[i % templates].Select(r => new TableTransactionAction(TableTransactionActionType.Add, SweepSet.Copy(r, Map))));
        });
    }

    private static CaseKey Key(int i) => new(SweepSet.Connection, $"w{i:D6}");

    // Spread over October: each template opens 15 hours after the one before, at one of the four severities; replies
    // after 10 minutes to 3h40, a pending spell on every fourth, and two in three solved 6 to 30 hours in.
    private static async Task IngestAsync(CaseTables tables, Engine.Contracts.Policy policy, int i)
    {
        var openedAt = October + Duration.FromHours(15 * i);
        var events = new List<CaseEvent> { CaseEvent.AgentReply(openedAt + Duration.FromMinutes(10 + (30 * (i % 8)))) };
        if (i % 4 == 0)
        {
            events.Add(CaseEvent.StatusChange(openedAt + Duration.FromHours(4), CaseStatus.Pending));
            events.Add(CaseEvent.CustomerReply(openedAt + Duration.FromHours(20)));
            events.Add(CaseEvent.StatusChange(openedAt + Duration.FromHours(20), CaseStatus.Open));
        }
        if (i % 3 != 0)
        {
            events.Add(CaseEvent.StatusChange(openedAt + Duration.FromHours(6 * ((i % 5) + 1)), CaseStatus.Solved));
        }
        var key = Key(i);
        var incoming = new IncomingCase
        {
            Key = key,
            DeliveryId = $"what-if-bench {key.ExternalId}",
            OpenedAt = openedAt,
            Priority = policy.Severities[i % policy.Severities.Count].Id,
            Title = $"Bench case {key.ExternalId}",
            Url = $"https://desk.acme.example/cases/{key.ExternalId}",
            Events = events,
        };
        var outcome = await new CaseIngestion(tables, new HookOptions(), new FakeClock(Now)).ApplyAsync(policy, incoming, default);
        if (outcome != CommitOutcome.Applied)
        {
            throw new InvalidOperationException($"Seeding {key} gave {outcome}, not Applied.");
        }
    }
}
