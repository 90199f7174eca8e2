using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Monitoring.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sweep;

/// <summary>What one sweep of one case marks and sends, without storage: a LumenVox Critical case opened Monday
/// 2026-03-09 09:00 GMT (first response due 10:00; an update every 4h around the clock after each reply).</summary>
public sealed class SweepPlanTests
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 9, 9, 0);
    private static readonly Policy LumenVox = PolicyReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "policies", "lumenvox.yaml")).Policy!;

    private static CaseRecord Case(IReadOnlySet<string> noticed, params CaseEvent[] events) => new()
    {
        Snapshot = new CaseSnapshot { Key = new CaseKey("acme-events", "C-1"), PolicyId = "lumenvox", OpenedAt = Opened, OpenedSeverity = "1" },
        History = [.. events.Select((e, i) => new HistoryEntry { Event = e, DeliveryId = $"d-{i}", ReceivedAt = e.At })],
        Noticed = noticed,
    };

    [Fact]
    public void For_NoEndpoint_NoChangeIsComputedOrMarked()
    {
        var plan = SweepPlan.For(LumenVox, Case(new HashSet<string>()), Opened + Duration.FromMinutes(90));

        Assert.Empty(plan.Announce);
        Assert.Empty(plan.MarkChanges);
        Assert.Equal(plan.Mark.Select(p => p.Key), plan.MarkKeys);
    }

    [Fact]
    public void For_MoreChangesThanOneCommitHolds_TheRestGoToTheNextSweepInTimeOrder()
    {
        // 60 replies five minutes apart: each meets an update cycle and starts the next, 122 changes in all, plus the
        // Critical opening's escalation point.
        var replies = Enumerable.Range(0, 60).Select(i => CaseEvent.AgentReply(Opened + Duration.FromMinutes(10 + (5 * i)))).ToArray();
        var now = Opened + Duration.FromHours(6);

        var first = SweepPlan.For(LumenVox, Case(new HashSet<string>(), replies), now, announceChanges: true);
        var second = SweepPlan.For(LumenVox, Case(first.MarkKeys.ToHashSet(StringComparer.Ordinal), replies), now, announceChanges: true);

        Assert.Equal((1, SweepPlan.MarkLimit - 1, now), (first.Mark.Count, first.MarkChanges.Count, first.Evaluation.NextCheckAt));
        Assert.Equal(122 - (SweepPlan.MarkLimit - 1), second.MarkChanges.Count);
        Assert.Empty(second.Mark);
        Assert.NotEqual(now, second.Evaluation.NextCheckAt);
        Assert.True(first.MarkChanges[^1].At <= second.MarkChanges[0].At);
        // Between them, each run's latest change is announced once, and nothing else: a run's last change is its met,
        // but for the running cadence and resolution.
        var announced = first.Announce.Concat(second.Announce).Select(c => (c.Name, TargetChange.Word(c.To))).ToList();
        Assert.Equal(
            [("firstResponse", "met"), ("resolution", "running"), .. Enumerable.Repeat(("update", "met"), 59), ("update", "running")],
            announced.OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Item2, StringComparer.Ordinal));
        Assert.Empty(first.MarkKeys.Intersect(second.MarkKeys));
    }

    private static readonly Policy Xecuritas = PolicyReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "policies", "xecuritas.yaml")).Policy!;

    // A Xecuritas Severity-3 case pending twice without a reply: each spell's "10 days without a reply" is its own notice.
    private static CaseRecord TwiceWaiting(IReadOnlySet<string> noticed) => Case(
        noticed,
        CaseEvent.AgentReply(Opened + Duration.FromMinutes(30)),
        CaseEvent.StatusChange(Opened + Duration.FromHours(1), CaseStatus.Pending),
        CaseEvent.StatusChange(Opened + Duration.FromDays(12), CaseStatus.Open),
        CaseEvent.StatusChange(Opened + Duration.FromDays(13), CaseStatus.Pending)) with
    {
        Snapshot = new CaseSnapshot { Key = new CaseKey("acme-events", "C-2"), PolicyId = "xecuritas", OpenedAt = Opened, OpenedSeverity = "3" },
    };

    [Fact]
    public void For_SecondPendingSpell_ItsTimeoutIsSentThoughTheFirstOnesWas()
    {
        var firstSweep = SweepPlan.For(Xecuritas, TwiceWaiting(new HashSet<string>()), Opened + Duration.FromDays(11) + Duration.FromHours(2));
        var firstTimeout = Assert.Single(firstSweep.Send, p => p.Target == "waitingOnCustomer");

        var secondSweep = SweepPlan.For(Xecuritas, TwiceWaiting(firstSweep.MarkKeys.ToHashSet(StringComparer.Ordinal)), Opened + Duration.FromDays(23) + Duration.FromHours(1));

        var secondTimeout = Assert.Single(secondSweep.Send, p => p.Target == "waitingOnCustomer");
        Assert.Equal(Opened + Duration.FromDays(23), secondTimeout.At);
        Assert.NotEqual(firstTimeout.Key, secondTimeout.Key);
    }

    [Fact]
    public void For_MarkStoredUnderTheOldKey_CountsAsTheFirstSpellsNotice()
    {
        // A case stored by a build before run starts were in keys: the first spell's timeout marked "target/rule/0".
        var noticed = new HashSet<string>(StringComparer.Ordinal) { "waitingOnCustomer/waiting-on-customer-10d/0" };

        var plan = SweepPlan.For(Xecuritas, TwiceWaiting(noticed), Opened + Duration.FromDays(23) + Duration.FromHours(1));

        var sent = Assert.Single(plan.Send, p => p.Target == "waitingOnCustomer");
        Assert.Equal(Opened + Duration.FromDays(23), sent.At);
        Assert.DoesNotContain(plan.Mark, p => p.Target == "waitingOnCustomer" && p.At == Opened + Duration.FromDays(10) + Duration.FromHours(1));
    }
}
