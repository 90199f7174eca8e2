using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>The sweep fanned out on Azurite: the timer cuts the cases due into slices (here always, two cases a slice,
/// one case judged at a time) and slice workers judge them. LumenVox Critical cases opened Monday 2026-03-09 09:00
/// GMT: each has its <c>critical-raised</c> point due at the opening.</summary>
public sealed class SliceSweepTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly CaseApi _api = new CaseApi(Opened)
        .With("Sweep:InlineCases", "0")
        .With("Sweep:SliceCases", "2")
        .With("Sweep:Parallelism", "1")
        .With("Sweep:SliceLease", "00:05:00")
        .With("Sweep:RequeueAfter", "00:10:00");
    private HttpClient _client = null!;
    private CaseEvents _events = null!;
    private ISweep _sweep = null!;
    private ISliceSweep _worker = null!;
    private CaseTables _tables = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        _events = new CaseEvents(_api, _client);
        _sweep = _api.Services.GetRequiredService<ISweep>();
        _worker = _api.Services.GetRequiredService<ISliceSweep>();
        _tables = _api.Services.GetRequiredService<CaseTables>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private async Task OpenAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await _events.OpenAsync($"S-{i}", Opened, "critical");
        }
    }

    private async Task<(SweepReport Report, CollectedNotices Notices, CollectedSlices Slices)> SweepAtAsync(Instant now)
    {
        _api.Clock.Reset(now);
        var (notices, slices) = (new CollectedNotices(), new CollectedSlices());
        var report = await _sweep.RunAsync(notices, slices, default);
        return (report, notices, slices);
    }

    private async Task<List<Notice>> WorkAsync(IEnumerable<string> slices)
    {
        var notices = new CollectedNotices();
        foreach (var slice in slices)
        {
            await _worker.RunAsync(slice, notices, default);
        }
        return [.. notices.All];
    }

    private static string[] Cases(IEnumerable<Notice> notices) => [.. notices.Select(n => n.Case.ExternalId).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Sweep_ManyDue_CutsSlicesJudgingNone_TheWorkersSendEachNoticeOnce()
    {
        await OpenAsync(5);

        var (report, notices, slices) = await SweepAtAsync(Opened + Duration.FromMinutes(1));
        var sent = await WorkAsync(slices.All);

        Assert.Equal((5, 0, 3), (report.Cases, report.Notices, report.Slices));
        Assert.Empty(notices.All);
        Assert.Equal(3, slices.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["S-1", "S-2", "S-3", "S-4", "S-5"], Cases(sent));
        Assert.All(sent, n => Assert.Equal("critical-raised", n.Rule));
        Assert.Empty(await _tables.Slices.OpenAsync(default).ToListAsync());
        // Done: the next sweep finds nothing due, queues nothing, and moves the checkpoint up to its now.
        var next = await SweepAtAsync(Opened + Duration.FromMinutes(2));
        Assert.Equal((0, 0, 0), (next.Report.Cases, next.Report.Notices, next.Report.Slices));
        Assert.Equal(Opened + Duration.FromMinutes(2), await _tables.Checkpoint.GetAsync(default));
    }

    [Fact]
    public async Task Sweep_SliceNotDone_NotCutAgain_AndTheCheckpointWaitsBeforeIt()
    {
        await OpenAsync(3);
        var first = await SweepAtAsync(Opened + Duration.FromMinutes(1));
        var done = first.Slices.All[0];
        await WorkAsync([done]);

        var second = await SweepAtAsync(Opened + Duration.FromMinutes(2));

        // The slice not done holds its rows: nothing is cut again or judged by the timer, and the checkpoint stays at
        // its earliest row (the opening), so a case in it that fails is read again once it is done.
        Assert.Equal((0, 0, 0), (second.Report.Cases, second.Report.Notices, second.Report.Slices));
        Assert.Equal(Opened, await _tables.Checkpoint.GetAsync(default));
        Assert.Equal(["S-3"], Cases(await WorkAsync(first.Slices.All.Skip(1))));
        await SweepAtAsync(Opened + Duration.FromMinutes(3));
        Assert.Equal(Opened + Duration.FromMinutes(3), await _tables.Checkpoint.GetAsync(default));
    }

    [Fact]
    public async Task Slice_WorkerKilledMidSlice_QueuedAgainAfterTheLease_EachNoticeOnce()
    {
        await OpenAsync(2);
        var cut = await SweepAtAsync(Opened + Duration.FromMinutes(1));
        var slice = Assert.Single(cut.Slices.All);
        // The worker dies while sending its second notice: the first went out, the second case is judged and its
        // notice marked queued but never sent.
        var dying = new DyingQueue(survives: 1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _worker.RunAsync(slice, dying, default));

        // The sender finishes what reached it, and takes it out of the outbox.
        await _tables.Outbox.RemoveAsync(Assert.Single(dying.Sent).Id, default);

        var early = await SweepAtAsync(Opened + Duration.FromMinutes(4));
        var late = await SweepAtAsync(Opened + Duration.FromMinutes(7));
        var again = await WorkAsync(late.Slices.All);
        var requeued = await SweepAtAsync(Opened + Duration.FromMinutes(12));

        Assert.Empty(early.Slices.All); // within its lease: the worker may still be at it
        Assert.Equal([slice], late.Slices.All); // queued again, once
        Assert.Empty(again); // both cases were judged: nothing new, nothing twice
        Assert.Empty(await _tables.Slices.OpenAsync(default).ToListAsync());
        // The notice the worker never sent comes from the outbox after Sweep:RequeueAfter, as a lost message would.
        var all = dying.Sent.Concat(early.Notices.All).Concat(late.Notices.All).Concat(again).Concat(requeued.Notices.All).ToList();
        Assert.Equal(["S-1", "S-2"], Cases(all));
    }

    [Fact]
    public async Task Slice_DeliveredTwice_TheSecondDoesNothing()
    {
        await OpenAsync(2);
        var slice = Assert.Single((await SweepAtAsync(Opened + Duration.FromMinutes(1))).Slices.All);

        var first = await WorkAsync([slice]);
        var second = await _worker.RunAsync(slice, new CollectedNotices(), default);

        Assert.Equal(["S-1", "S-2"], Cases(first));
        Assert.Equal((0, 0), (second.Cases, second.Notices));
    }

    // A notice queue whose process dies on the send after the first `survives`.
    private sealed class DyingQueue(int survives) : INoticeQueue
    {
        public List<Notice> Sent { get; } = [];

        public Task SendAsync(string noticeJson, CancellationToken cancellationToken)
        {
            if (Sent.Count == survives)
            {
                throw new OperationCanceledException("killed");
            }
            Sent.Add(NoticeJson.Read(noticeJson));
            return Task.CompletedTask;
        }
    }
}
