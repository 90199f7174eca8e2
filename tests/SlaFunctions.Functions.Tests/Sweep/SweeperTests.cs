using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Monitoring.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>The sweep on Azurite: a LumenVox Critical case opened Monday 2026-03-09 09:00 GMT (support hours 08:00-01:00
/// GMT), first response due 10:00. lumenvox.yaml tells on-call and management when a case opens at Critical, the
/// assignee at 75% (09:45), and the assignee and management at the breach (10:00).</summary>
public sealed class SweeperTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 9, 9, 0);
    // No sender runs here, so nothing leaves the outbox: requeueing is kept out of the way except where tested.
    private readonly CaseApi _api = new CaseApi(Opened).With("Sweep:RequeueAfter", "02:00:00");
    private HttpClient _client = null!;
    private CaseEvents _events = null!;
    private ISweep _sweep = null!;
    private CaseTables _tables = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        _events = new CaseEvents(_api, _client);
        _sweep = _api.Services.GetRequiredService<ISweep>();
        _tables = _api.Services.GetRequiredService<CaseTables>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private async Task<IReadOnlyList<Notice>> SweepAtAsync(Instant now)
    {
        _api.Clock.Reset(now);
        var queue = new CollectedNotices();
        await _sweep.RunAsync(queue, new CollectedSlices(), default);
        return queue.All;
    }

    private static string[] Rules(IEnumerable<Notice> notices) => [.. notices.Select(n => n.Rule).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Sweep_WalksACriticalCase_EachPointOnceAtItsTime()
    {
        await _events.OpenAsync("C-1", Opened, "critical");

        Assert.Equal(["critical-raised"], Rules(await SweepAtAsync(Opened + Duration.FromMinutes(1))));
        Assert.Empty(await SweepAtAsync(Opened + Duration.FromMinutes(44)));
        var warning = Assert.Single(await SweepAtAsync(Opened + Duration.FromMinutes(45)));
        Assert.Equal(("first-response-warning", NoticeKind.Warning), (warning.Rule, warning.Kind));
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 10, 0), warning.Target!.DueAt);
        Assert.Equal(Duration.FromMinutes(15), warning.Target.Remaining);
        Assert.Equal("Critical", warning.Case.SeverityName);
        Assert.Equal("Acme", warning.Case.Customer);
        var breach = Assert.Single(await SweepAtAsync(Opened + Duration.FromMinutes(61)));
        Assert.Equal(("first-response-breach", NoticeKind.Breach), (breach.Rule, breach.Kind));
        Assert.Equal(Duration.FromMinutes(0), breach.Target!.Overdue);
        Assert.Contains("First response within 1 hour", breach.Target.Promise, StringComparison.Ordinal);
        Assert.Empty(await SweepAtAsync(Opened + Duration.FromMinutes(62)));
    }

    [Fact]
    public async Task Sweep_Again_EmitsNothingNew_AndNothingIsLeftInTheIndexWindow()
    {
        await _events.OpenAsync("C-2", Opened, "critical");
        var first = await SweepAtAsync(Opened + Duration.FromMinutes(50));
        var second = await SweepAtAsync(Opened + Duration.FromMinutes(50));

        Assert.Equal(["critical-raised", "first-response-warning"], Rules(first));
        Assert.Empty(second);
    }

    [Fact]
    public async Task Sweep_AfterAMissedHour_SendsTheBreachButNotTheStaleWarning()
    {
        await _events.OpenAsync("C-3", Opened, "critical");

        var notices = await SweepAtAsync(Opened + Duration.FromMinutes(90));

        // The 75% warning is past and its target breached: marked, not sent. The opening and breach go out.
        Assert.Equal(["critical-raised", "first-response-breach"], Rules(notices));
        Assert.Empty(await SweepAtAsync(Opened + Duration.FromMinutes(91)));
    }

    [Fact]
    public async Task Sweep_NoneForThirtyDays_MarksEveryPointInRoundsAndSendsOnlyTheLatestRepeat()
    {
        await _events.OpenAsync("C-30", Opened, "critical");
        Assert.Equal(["critical-raised"], Rules(await SweepAtAsync(Opened + Duration.FromMinutes(1))));
        var late = Opened + Duration.FromDays(30);

        var notices = await SweepAtAsync(late);

        // Every 4 hours past the resolution target, for a month: far more points than one transaction marks.
        var record = await _tables.Store.GetAsync(new CaseKey("acme-events", "C-30"), default);
        Assert.True(record!.Noticed.Count > CaseStore.MaxAppendsPerCommit, $"only {record.Noticed.Count} points were due");
        Assert.Single(notices, n => n.Rule == "critical-resolution-overdue");
        Assert.Equal(notices.Count, notices.Select(n => n.Rule).Distinct().Count());
        Assert.Empty(await SweepAtAsync(late + Duration.FromMinutes(1)));
    }

    [Fact]
    public async Task Sweep_AReplyBeforeTheWarning_NoWarningAndNoBreach()
    {
        await _events.OpenAsync("C-4", Opened, "critical");
        _api.Clock.Reset(Opened + Duration.FromMinutes(20));
        await _events.PostAsync("C-4", "agentReplied", Opened + Duration.FromMinutes(20));

        var notices = await SweepAtAsync(Opened + Duration.FromMinutes(70));

        Assert.Equal(["critical-raised"], Rules(notices));
    }

    [Fact]
    public async Task Sweep_AReplyMovesTheNextCheckLater_TheEarlierRowBringsTheSweep_WhichIndexesTheLaterOne()
    {
        var key = new CaseKey("acme-events", "C-8");
        await _events.OpenAsync("C-8", Opened, "critical");
        Assert.Equal(["critical-raised"], Rules(await SweepAtAsync(Opened + Duration.FromMinutes(1))));
        var before = (await _tables.Store.GetAsync(key, default))!.Snapshot.NextCheckAt!.Value; // the 75% warning, 09:45
        _api.Clock.Reset(Opened + Duration.FromMinutes(20));
        await _events.PostAsync("C-8", "agentReplied", Opened + Duration.FromMinutes(20));
        var after = (await _tables.Store.GetAsync(key, default))!.Snapshot.NextCheckAt!.Value;
        Assert.True(after > before, $"the reply should move the next check later than {before}, not to {after}");
        Assert.Equal([before], await IndexedAsync(key));

        Assert.Empty(await SweepAtAsync(before + Duration.FromMinutes(1)));
        Assert.Equal([after], await IndexedAsync(key));

        Assert.NotEmpty(await SweepAtAsync(after + Duration.FromMinutes(1)));
    }

    private async Task<List<Instant>> IndexedAsync(CaseKey key)
    {
        var found = new List<Instant>();
        await foreach (var (k, at) in _tables.Store.Due.BetweenAsync(Opened - Duration.FromDays(1), Opened + Duration.FromDays(60), default))
        {
            if (k == key)
            {
                found.Add(at);
            }
        }
        return found;
    }

    [Fact]
    public async Task Sweep_TwoAtOnce_EachNoticeInTheOutboxOnce()
    {
        await _events.OpenAsync("C-5", Opened, "critical");
        _api.Clock.Reset(Opened + Duration.FromMinutes(61));
        var (a, b) = (new CollectedNotices(), new CollectedNotices());

        await Task.WhenAll(_sweep.RunAsync(a, new CollectedSlices(), default), _sweep.RunAsync(b, new CollectedSlices(), default));

        // Together they queue each notice at least once (the opening and the breach; the 75% warning is superseded
        // by the breach), and the outbox holds each once; the case marks all three points.
        var ids = a.All.Concat(b.All).Select(n => n.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Equal(2, await _tables.Outbox.CountAsync(default));
        var record = await _tables.Store.GetAsync(new CaseKey("acme-events", "C-5"), default);
        Assert.Equal(3, record!.Noticed.Count);
    }

    [Fact]
    public async Task Sweep_QueuedButNeverFinished_IsQueuedAgainAfterTheRequeueDelay()
    {
        await _events.OpenAsync("C-6", Opened, "critical");
        Assert.Single(await SweepAtAsync(Opened + Duration.FromMinutes(1)));

        // Nobody took it off the queue (a lost message, a host that died before its output binding went out).
        Assert.DoesNotContain("critical-raised", Rules(await SweepAtAsync(Opened + Duration.FromMinutes(100))));
        Assert.Contains("critical-raised", Rules(await SweepAtAsync(Opened + Duration.FromMinutes(122))));
    }

    [Fact]
    public async Task Sweep_DiesBetweenOutboxAndMark_NextSweepSendsTheSameNoticeOnce()
    {
        await _events.OpenAsync("C-7", Opened, "critical");
        var key = new CaseKey("acme-events", "C-7");
        var now = Opened + Duration.FromMinutes(1);
        // What a sweep that died after writing the outbox, before marking the case, leaves: the notice in the
        // outbox (never queued) and no mark on the case.
        var record = (await _tables.Store.GetAsync(key, default))!;
        _api.Services.GetRequiredService<SlaFunctions.Policies.PolicyCatalog>().TryGet("lumenvox", out var policy);
        var plan = SweepPlan.For(policy!, record, now);
        var point = Assert.Single(plan.Send);
        var orphan = NoticeComposer.Compose(policy!, plan.Evaluation.Clock, record.Snapshot, "Acme", point, now);
        await _tables.Outbox.PutAsync(orphan.Id, NoticeJson.ToText(orphan), now, default);

        var notices = await SweepAtAsync(now + Duration.FromMinutes(1));

        var notice = Assert.Single(notices);
        Assert.Equal(orphan.Id, notice.Id);
        Assert.Equal(1, await _tables.Outbox.CountAsync(default));
        Assert.Single((await _tables.Store.GetAsync(key, default))!.Noticed);
    }

    // The due index keeps a table per day; the sweep drops a day's table once its checkpoint is a day past it.
    [Fact]
    public async Task Sweep_DaysLater_DropsThePastDaysTableAndKeepsTheCaseIndexed()
    {
        await _events.OpenAsync("C-8", Opened, "critical");
        await SweepAtAsync(Opened + Duration.FromMinutes(1));
        Assert.Contains(_api.DueTable + "20260309", await DueTablesAsync());

        // Wednesday: the checkpoint passes Monday by more than a day.
        var wednesday = Instant.FromUtc(2026, 3, 11, 12, 0);
        await SweepAtAsync(wednesday);

        var tables = await DueTablesAsync();
        Assert.DoesNotContain(_api.DueTable + "20260309", tables);
        var next = (await _tables.Store.GetAsync(new CaseKey("acme-events", "C-8"), default))!.Snapshot.NextCheckAt;
        Assert.NotNull(next);
        Assert.Contains(_tables.Store.Due.TableOf(next.Value), tables);
        Assert.Contains(await _tables.Store.Due.BetweenAsync(next.Value, next.Value + Duration.FromSeconds(1), default).ToListAsync(), r => r.Key.ExternalId == "C-8");
    }

    private async Task<List<string>> DueTablesAsync()
    {
        var service = new Azure.Data.Tables.TableServiceClient("UseDevelopmentStorage=true");
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(Azure.Data.Tables.TableClient.CreateQueryFilter($"TableName ge {_api.DueTable} and TableName lt {_api.DueTable + ":"}")))
        {
            names.Add(table.Name);
        }
        return names;
    }
}
