using SlaFunctions.Engine.Clocks;
using SlaFunctions.Monitoring.Board;
using SlaFunctions.Policies;
using SlaFunctions.Storage.Cases;
using static SlaFunctions.Monitoring.Tests.TestCases;

namespace SlaFunctions.Monitoring.Tests.Board;

public sealed class BoardQueryTests
{
    private static readonly PolicyCatalog Policies = new([TestPolicies.Acme]);
    private static readonly BoardFilter Everything = new(null, null, null, null);

    // All judged when stored at 09:00, then looked at 11:00.
    private static readonly string Stored = "2026-03-09T09:00:00Z";
    private static readonly string Now = "2026-03-09T11:00:00Z";

    private static BoardRow Row(string id, string opened, string severity, string? assignee = null, params CaseEvent[] events)
    {
        var record = Record(TestPolicies.Acme, id, opened, severity, events);
        return BoardRow.From(TestCases.Row(TestPolicies.Acme, record, Stored, assignee), "Acme");
    }

    private static BoardView Build(BoardFilter filter, params BoardRow[] rows) =>
        BoardQuery.Build(BoardSnapshot.Of(rows, At(Stored)), Policies, At(Now), filter, limit: 200);

    [Fact]
    public void Build_MixedCases_BreachedFirstThenByDueThenPaused()
    {
        var board = Build(Everything,
            Row("major-due-1300", "2026-03-09T09:00:00Z", "2"),                  // first response due 13:00
            Row("paused", "2026-03-09T08:00:00Z", "2", null, CaseEvent.AgentReply(At("2026-03-09T08:30:00Z")),
                CaseEvent.StatusChange(At("2026-03-09T08:45:00Z"), CaseStatus.Pending)),
            Row("critical-due-1000", "2026-03-09T09:00:00Z", "1"),               // first response due 10:00: breached by 11:00
            Row("major-due-1230", "2026-03-09T08:30:00Z", "2"));                 // first response due 12:30

        Assert.Equal(["critical-due-1000", "major-due-1230", "major-due-1300", "paused"], board.Cases.Select(c => c.ExternalId));
        Assert.Equal(["breached", "running", "running", "paused"], board.Cases.Select(c => c.State));
    }

    [Fact]
    public void Build_RunningDuePassedSinceStored_BreachedAtTheDue()
    {
        var board = Build(Everything, Row("critical", "2026-03-09T09:00:00Z", "1"));

        var card = Assert.Single(board.Cases);
        Assert.Equal(("breached", "firstResponse", "2026-03-09T10:00:00Z", "PT1H"), (card.State, card.Target, card.BreachedAt, card.LateBy));
    }

    [Theory]
    [InlineData("2026-03-09T10:30:00Z", "atRisk")]  // its warning point passed before now (11:00)
    [InlineData("2026-03-09T11:00:00Z", "atRisk")]  // reached at now
    [InlineData("2026-03-09T11:30:00Z", "running")] // still to come
    public void Build_RunningTargetWithAWarningPoint_AtRiskOncePastIt(string atRiskAt, string state)
    {
        var opened = Record(TestPolicies.Acme, "warned", "2026-03-09T09:00:00Z", "2").Snapshot;
        var row = opened with
        {
            Targets = [new TargetRecord { Name = "firstResponse", Calendar = "24x7", State = TargetState.Running, DueAt = At("2026-03-09T13:00:00Z"), AtRiskAt = At(atRiskAt) }],
        };

        var card = Assert.Single(Build(Everything, BoardRow.From(row, "Acme")).Cases);

        Assert.Equal((state, "firstResponse", "2026-03-09T13:00:00Z"), (card.State, card.Target, card.DueAt));
    }

    [Fact]
    public void Build_StateFilter_CountsStillCoverEveryState()
    {
        var board = Build(Everything with { State = "running" },
            Row("critical", "2026-03-09T09:00:00Z", "1"),
            Row("major", "2026-03-09T09:00:00Z", "2"));

        Assert.Equal(["major"], board.Cases.Select(c => c.ExternalId));
        Assert.Equal((1, 1, 2), (board.Counts["breached"], board.Counts["running"], board.Open));
    }

    [Fact]
    public void Build_Limit_KeepsTheMostUrgent()
    {
        var board = BoardQuery.Build(BoardSnapshot.Of(
            [Row("later", "2026-03-09T09:00:00Z", "2"), Row("sooner", "2026-03-09T08:30:00Z", "2")], At(Stored)), Policies, At(Now), Everything, limit: 1);

        Assert.Equal((2, "sooner"), (board.Matching, Assert.Single(board.Cases).ExternalId));
    }

    [Fact]
    public void Build_Unassigned_FacetNamesThemWithADash()
    {
        var board = Build(Everything, Row("a", "2026-03-09T09:00:00Z", "2", "ann@acme.example"), Row("b", "2026-03-09T09:00:00Z", "2"));

        Assert.Equal([BoardFilter.Unassigned, "ann@acme.example"], board.Facets.Assignees);
    }
}
