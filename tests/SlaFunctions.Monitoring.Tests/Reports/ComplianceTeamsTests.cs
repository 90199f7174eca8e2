using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies;
using SlaFunctions.Monitoring.Reports;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Monitoring.Tests.Reports;

/// <summary>Held time and team targets on the helpdesk example (London office Mon-Fri 09:00-17:00, GMT in March before
/// the 29th; Level 1 within 1h, Level 2 within 8h), judged on Wed 2026-03-11 12:00.</summary>
public sealed class ComplianceTeamsTests
{
    private static readonly Policy Helpdesk = PolicyReader.ReadFile(Path.Combine(TestPolicies.RepositoryRoot, "policies", "examples", "contracts", "helpdesk.yaml")).Policy!;
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 9, 0, 0);
    private static readonly Instant AsOf = At(2, 12);

    private static Instant At(int day, int hour, int minute = 0) => Monday.Plus(Duration.FromDays(day) + Duration.FromHours(hour) + Duration.FromMinutes(minute));

    private static ComplianceCase Case(string id, Instant openedAt, params CaseEvent[] events) => new(Helpdesk, new CaseRecord
    {
        Snapshot = new CaseSnapshot { Key = new CaseKey("desk", id), PolicyId = Helpdesk.Id, OpenedAt = openedAt, OpenedSeverity = "normal" },
        History = [.. events.Select(e => new HistoryEntry { Event = e, DeliveryId = id, ReceivedAt = e.At })],
    }, "Acme");

    // X: Level 1 from 09:00 to 09:30 (met), Level 2 09:30-12:00 and, after pending Mon 12:00 to Tue 10:00, 10:00-13:00
    // until solved: 2h30 + 3h = 5h30 held, within its 8h (met).
    private static readonly ComplianceCase X = Case("X", At(0, 9),
        CaseEvent.GroupChange(At(0, 9), "Level 1"), CaseEvent.GroupChange(At(0, 9, 30), "Level 2"),
        CaseEvent.StatusChange(At(0, 12), CaseStatus.Pending), CaseEvent.StatusChange(At(1, 10), CaseStatus.Open),
        CaseEvent.StatusChange(At(1, 13), CaseStatus.Solved));

    // Y: Level 1 from Mon 10:00, still holding at Wed 12:00: 7h + 8h + 3h = 18h held, its 1h long gone (breached).
    // Level 2 never took it, so its Level 2 target is not counted.
    private static readonly ComplianceCase Y = Case("Y", At(0, 9), CaseEvent.GroupChange(At(0, 10), "level 1"));

    [Fact]
    public void Rows_TwoCases_HeldTimeAndTeamTargetsPerGroup()
    {
        var rows = ComplianceTeams.Rows([X, Y], AsOf);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new ComplianceTeamRow { PolicyId = "helpdesk", Group = "Level 1", Cases = 2, HeldOpenTime = "PT18H30M", Met = 1, Breached = 1, Pending = 0 }, rows[0]);
        Assert.Equal(new ComplianceTeamRow { PolicyId = "helpdesk", Group = "Level 2", Cases = 1, HeldOpenTime = "PT5H30M", Met = 1, Breached = 0, Pending = 0 }, rows[1]);
    }

    [Fact]
    public void Rows_GroupCleared_HoldsNothingAfter()
    {
        // Level 1 Mon 09:00-11:00, then no group until asOf: only 2h are Level 1's; its 1h target ran out at 10:00.
        var rows = ComplianceTeams.Rows([Case("Z", At(0, 9), CaseEvent.GroupChange(At(0, 9), "Level 1"), CaseEvent.GroupChange(At(0, 11), null))], AsOf);

        var row = Assert.Single(rows);
        Assert.Equal(("Level 1", "PT2H", 1), (row.Group, row.HeldOpenTime, row.Breached));
    }
}
