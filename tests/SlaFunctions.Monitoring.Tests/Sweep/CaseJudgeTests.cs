using SlaFunctions.Engine.Clocks;
using SlaFunctions.Monitoring.Sweep;
using SlaFunctions.Storage.Cases;
using static SlaFunctions.Monitoring.Tests.TestCases;

namespace SlaFunctions.Monitoring.Tests.Sweep;

public sealed class CaseJudgeTests
{
    // Acme severity 2: first response within 4 h on 24x7; the case opened at 09:00 is due at 13:00.
    private static readonly CaseRecord Read = Record(TestPolicies.Acme, "7", "2026-03-02T09:00:00Z", "2") with
    {
        Snapshot = Record(TestPolicies.Acme, "7", "2026-03-02T09:00:00Z", "2").Snapshot with { Version = 3 },
    };

    [Fact]
    public void PlanToCommit_CaseUnchangedSinceRead_KeepsThePlanWithoutJudgingAgain()
    {
        var now = At("2026-03-02T14:00:00Z");
        var planned = SweepPlan.For(TestPolicies.Acme, Read, now);

        var committed = CaseJudge.PlanToCommit(planned, Read, Read with { }, TestPolicies.Acme, now, announceChanges: false);

        Assert.Same(planned, committed);
    }

    [Fact]
    public void PlanToCommit_WebhookAnsweredTheCaseSinceRead_JudgesTheCaseAsItIsNow()
    {
        var now = At("2026-03-02T14:00:00Z");
        var planned = SweepPlan.For(TestPolicies.Acme, Read, now);
        var answered = Read with
        {
            Snapshot = Read.Snapshot with { Version = 4 },
            History = Record(TestPolicies.Acme, "7", "2026-03-02T09:00:00Z", "2", CaseEvent.AgentReply(At("2026-03-02T10:00:00Z"))).History,
        };

        var committed = CaseJudge.PlanToCommit(planned, Read, answered, TestPolicies.Acme, now, announceChanges: false);

        Assert.Equal(TargetState.Breached, planned.Evaluation.State.Targets.Single(t => t.Name == "firstResponse").State);
        Assert.Equal(TargetState.Met, committed.Evaluation.State.Targets.Single(t => t.Name == "firstResponse").State);
    }
}
