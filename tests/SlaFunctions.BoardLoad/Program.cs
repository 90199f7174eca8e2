using System.Diagnostics;
using Azure.Data.Tables;
using NodaTime;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Policies;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Storage.Cases;

// Seeds open cases for the board's load figures (eng/board-load.sh): each case is judged by the engine as the app
// would judge it and committed through the app's CaseStore, straight into the tables (no webhooks, for speed).
// Usage: SlaFunctions.BoardLoad <cases table> <due table> <count> <policies folder>
var (casesTable, dueTable, count, folder) = (args[0], args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
var service = new TableServiceClient("UseDevelopmentStorage=true");
var cases = service.GetTableClient(casesTable);
await cases.CreateIfNotExistsAsync();
var store = new CaseStore(cases, new DueIndex(service, dueTable));
var policies = PolicyCatalog.LoadDirectory(folder).All.ToList();
var now = SystemClock.Instance.GetCurrentInstant();
var next = -1;
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
{
    int i;
    while ((i = Interlocked.Increment(ref next)) < count)
    {
        // Spread over policies, severities, 8 customers, 20 assignees and the last three days; a tenth replied, a
        // twentieth waiting on the customer.
        var policy = policies[i % policies.Count];
        var severity = policy.Severities[i / policies.Count % policy.Severities.Count];
        var openedAt = now - Duration.FromMinutes(i * 37 % (3 * 24 * 60));
        var events = new List<CaseEvent>();
        if (i % 10 == 0)
        {
            events.Add(CaseEvent.AgentReply(openedAt + Duration.FromMinutes(5)));
        }
        if (i % 20 == 0)
        {
            events.Add(CaseEvent.StatusChange(openedAt + Duration.FromMinutes(6), CaseStatus.Pending));
        }
        var history = events.Select(e => new HistoryEntry { Event = e, DeliveryId = $"seed-{i}", ReceivedAt = now }).ToList();
        var evaluation = CaseEvaluation.Evaluate(policy, openedAt, severity.Id, history, now);
        var key = new CaseKey($"customer-{i % 8}", $"LOAD-{i}");
        var snapshot = evaluation.ApplyTo(new CaseSnapshot
        {
            Key = key,
            PolicyId = policy.Id,
            OpenedAt = openedAt,
            OpenedSeverity = severity.Id,
            Title = $"Load case {i}",
            Url = $"https://desk.example/cases/LOAD-{i}",
            Assignee = $"agent{i % 20}@vendor.example",
        }, i % 20 == 0 ? CaseStatus.Pending : CaseStatus.Open);
        await store.CommitAsync(key, $"seed-{i}", _ => new CaseChange { Snapshot = snapshot, Append = history }, default);
    }
}));
Console.WriteLine($"seeded {count} open cases in {clock.Elapsed.TotalSeconds:F1} s ({InstantText.Format(now)})");
