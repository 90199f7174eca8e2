using Azure.Data.Tables;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Functions.Tests.Invocations;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Policies;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;
using Xunit;

namespace SlaFunctions.Functions.Tests.Publishing;

/// <summary>The fanned-out sweep on the published executable, with real processes: a slice worker killed with SIGKILL
/// in the middle of a slice, and two other instances judging the same slices at once. Every recipient gets each
/// notice once. 80 LumenVox Critical cases opened a minute ago (their <c>critical-raised</c> point due: on-call and
/// management), cut into slices of 40.</summary>
public sealed class PublishedSliceFaultTests : IAsyncLifetime
{
    private const int Cases = 80;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private readonly string _pickup = Path.Combine(Path.GetTempPath(), "sla-slices-" + Guid.NewGuid().ToString("N")[..8]);
    private CaseTables _tables = null!;

    private StorageOptions Storage => new()
    {
        ConnectionString = "UseDevelopmentStorage=true",
        CasesTable = "slicecases" + _suffix,
        DueTable = "slicedue" + _suffix,
        OutboxTable = "sliceoutbox" + _suffix,
        DeliveriesTable = "slicesent" + _suffix,
        PoisonTable = "slicepoison" + _suffix,
        WebhookLogTable = "slicewhlog" + _suffix,
    };

    private Dictionary<string, string> Settings => new()
    {
        ["Storage__ConnectionString"] = "UseDevelopmentStorage=true",
        ["Storage__CasesTable"] = Storage.CasesTable,
        ["Storage__DueTable"] = Storage.DueTable,
        ["Storage__OutboxTable"] = Storage.OutboxTable,
        ["Storage__DeliveriesTable"] = Storage.DeliveriesTable,
        ["Storage__PoisonTable"] = Storage.PoisonTable,
        ["Storage__WebhookLogTable"] = Storage.WebhookLogTable,
        ["Sweep__InlineCases"] = "0",
        ["Sweep__SliceCases"] = "40",
        ["Sweep__SliceLease"] = "00:00:01",
        ["Sweep__RequeueAfter"] = "00:00:01",
        ["Notices__OnCall__0"] = "oncall@vendor.example",
        ["Notices__SupportManagement__0"] = "mgmt@vendor.example",
        ["Email__Pickup__Folder"] = _pickup,
    };

    public async Task InitializeAsync()
    {
        _tables = new CaseTables(Storage);
        await _tables.EnsureCreatedAsync(default);
        var policy = PolicyCatalog.LoadDirectory(Path.Combine(FunctionFolders.RepositoryRoot, "policies")).TryGet("lumenvox", out var found) ? found : throw new InvalidOperationException("no lumenvox policy");
        var opened = SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(1);
        var ingestion = new CaseIngestion(_tables, new HookOptions(), new FakeClock(opened));
        for (var i = 0; i < Cases; i++)
        {
            var key = new CaseKey("acme", $"K-{i:D3}");
            await ingestion.ApplyAsync(policy, new IncomingCase
            {
                Key = key, DeliveryId = $"{key.ExternalId}-opened", OpenedAt = opened, Priority = "critical", Title = "Calls drop",
                Url = $"https://desk.acme.example/cases/{key.ExternalId}", Assignee = "bo@vendor.example", Requester = "kim@acme.example",
            }, default);
        }
    }

    public async Task DisposeAsync()
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        foreach (var table in new[] { Storage.CasesTable, Storage.OutboxTable, Storage.DeliveriesTable, Storage.PoisonTable, Storage.WebhookLogTable })
        {
            await service.DeleteTableAsync(table);
        }
        await new SlaFunctions.Storage.Cases.DueIndex(service, Storage.DueTable).DropAllAsync(default);
        _tables.Dispose();
        if (Directory.Exists(_pickup))
        {
            Directory.Delete(_pickup, recursive: true);
        }
    }

    [Fact]
    public async Task Executable_SliceWorkerKilledMidSlice_TwoOtherInstancesFinish_EachRecipientOnce()
    {
        string killed;
        await using (var a = await PublishedInstance.StartAsync(Settings))
        {
            var slices = Messages(await a.InvokeAsync("sweep", Envelope.Timer()), "slices");
            Assert.Equal(2, slices.Count);
            killed = slices[0];
            var working = a.InvokeAsync("sweep-slice", Envelope.Queue("slice", killed, 1));
            // Killed once the first of its notices is in the outbox: mid-slice.
            while (await _tables.Outbox.CountAsync(default) == 0 && !working.IsCompleted)
            {
                await Task.Delay(10);
            }
            await a.KillAsync();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => working);
        }
        Assert.Contains(killed, (await _tables.Slices.OpenAsync(default).ToListAsync()).Select(s => s.Id));

        await using var b = await PublishedInstance.StartAsync(Settings);
        await using var c = await PublishedInstance.StartAsync(Settings);
        for (var round = 0; round < 8; round++)
        {
            // Past the slice lease and the requeue delay: the sweep queues again what was lost with the killed worker.
            await Task.Delay(TimeSpan.FromSeconds(1.2));
            var swept = await b.InvokeAsync("sweep", Envelope.Timer());
            var notices = Messages(swept, "escalations");
            var slices = Messages(swept, "slices");
            if (notices.Count == 0 && slices.Count == 0 && await _tables.Outbox.CountAsync(default) == 0)
            {
                break;
            }
            // Both instances take every slice at once, as two workers that received the same message would.
            var judged = await Task.WhenAll(slices.SelectMany(s => new[] { b, c }.Select(i => i.InvokeAsync("sweep-slice", Envelope.Queue("slice", s, 1)))));
            notices.AddRange(judged.SelectMany(j => Messages(j, "escalations")));
            await Task.WhenAll(notices.Select((n, i) => (i % 2 == 0 ? b : c).InvokeAsync("sender", Envelope.ServiceBus("notice", n, 1, $"m-{round}-{i}"))));
        }

        Assert.Empty(await _tables.Slices.OpenAsync(default).ToListAsync());
        for (var i = 0; i < Cases; i++)
        {
            var deliveries = await _tables.Deliveries.OfCaseAsync(new CaseKey("acme", $"K-{i:D3}"), default);
            Assert.Equal(["mgmt@vendor.example", "oncall@vendor.example"], deliveries.Select(d => d.Recipient).Order(StringComparer.Ordinal));
            Assert.All(deliveries, d => Assert.Equal((DeliveryState.Sent, 1), (d.State, d.Attempts)));
        }
        Assert.Equal(Cases * 2, Directory.GetFiles(_pickup, "*.eml").Length);
    }

    private static List<string> Messages(System.Text.Json.Nodes.JsonNode answer, string binding) =>
        answer["Outputs"]?[binding]?.AsArray().Select(m => m!.GetValue<string>()).ToList() ?? [];
}
