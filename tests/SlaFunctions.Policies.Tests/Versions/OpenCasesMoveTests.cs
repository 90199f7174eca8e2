using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;

namespace SlaFunctions.Policies.Tests.Versions;

/// <summary>How a case is judged when a later version applies to open cases (<c>appliesTo: openCases</c>) or only to
/// new ones: the version in force at opening, then the later one from its date, verdicts reached before it kept.</summary>
public sealed class OpenCasesMoveTests
{
    // All on 24x7 in UTC: first response 4h then 1h, resolution 2d then 1d, its warning at 50 % then 75 %; the later
    // version is in force from 2026-11-01 00:00 UTC.
    private static string Contract(string appliesTo) => $$"""
        id: globex
        name: Globex support
        calendars:
          office: { timeZone: UTC, hours: { mon: ["09:00-17:00"] } }
        severities:
          - id: "1"
            name: Urgent
            targets:
              firstResponse: { within: 4h, calendar: 24x7 }
              resolution: { within: 2d, calendar: 24x7 }
        escalations:
          - target: resolution
            at: { breach: true }
            notify: [supportManagement]
          - target: resolution
            at: { percent: 50 }
            notify: [assignee]
        versions:
          - effectiveFrom: 2026-11-01
            appliesTo: {{appliesTo}}
            severities:
              - id: "1"
                name: Urgent
                targets:
                  firstResponse: { within: 1h, calendar: 24x7 }
                  resolution: { within: 1d, calendar: 24x7 }
            escalations:
              - target: resolution
                at: { breach: true }
                notify: [supportManagement]
              - target: resolution
                at: { percent: 75 }
                notify: [assignee]
        """;

    private static readonly Policy Moving = PolicyText.Read(Contract("openCases")).Policy!;
    private static readonly Policy NewOnly = PolicyText.Read(Contract("newCases")).Policy!;

    private static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    private static CaseState Judge(Policy policy, string opened, string asOf, params CaseEvent[] events) =>
        new CaseClock(policy, new CaseHistory(At(opened), "1", events)).StateAt(At(asOf));

    private static TargetStatus Target(CaseState state, string name) => state.Targets.Single(t => t.Name == name);

    [Fact]
    public void StateAt_OpenCasesVersion_RunningTargetTakesTheNewGoalFromItsStart()
    {
        // Opened Oct 31 20:00 and replied at 21:00 (met under 4h, before the date): resolution was due Nov 2 20:00,
        // and under the new 1d goal is due Nov 1 20:00.
        var state = Judge(Moving, "2026-10-31T20:00:00Z", "2026-11-01T12:00:00Z", CaseEvent.AgentReply(At("2026-10-31T21:00:00Z")));

        Assert.Equal(TargetState.Met, Target(state, "firstResponse").State);
        Assert.Equal(At("2026-11-01T20:00:00Z"), Target(state, "resolution").DueAt);
    }

    // The date itself belongs to the later version: a second before it, the case is still the earlier one's.
    [Theory]
    [InlineData("2026-10-31T23:59:59Z", "2026-11-02T20:00:00Z")]
    [InlineData("2026-11-01T00:00:00Z", "2026-11-01T20:00:00Z")]
    public void StateAt_OpenCasesVersion_JudgedByTheLaterVersionFromTheDateOn(string asOf, string resolutionDue)
    {
        var state = Judge(Moving, "2026-10-31T20:00:00Z", asOf, CaseEvent.AgentReply(At("2026-10-31T21:00:00Z")));

        Assert.Equal(At(resolutionDue), Target(state, "resolution").DueAt);
    }

    [Fact]
    public void StateAt_NewCasesVersion_CaseOpenedBeforeKeepsItsVersion()
    {
        var state = Judge(NewOnly, "2026-10-31T20:00:00Z", "2026-11-01T12:00:00Z", CaseEvent.AgentReply(At("2026-10-31T21:00:00Z")));

        Assert.Equal(At("2026-11-02T20:00:00Z"), Target(state, "resolution").DueAt);
    }

    [Fact]
    public void StateAt_CaseOpenedOnTheDate_JudgedByTheNewVersion()
    {
        var state = Judge(NewOnly, "2026-11-01T00:00:00Z", "2026-11-01T00:30:00Z");

        Assert.Equal(At("2026-11-01T01:00:00Z"), Target(state, "firstResponse").DueAt);
    }

    [Fact]
    public void StateAt_BeforeTheDate_TheOldVersionStillJudges()
    {
        var state = Judge(Moving, "2026-10-31T20:00:00Z", "2026-10-31T23:00:00Z");

        Assert.Equal(At("2026-11-01T00:00:00Z"), Target(state, "firstResponse").DueAt);
    }

    [Fact]
    public void StateAt_MetBeforeTheDate_KeepsItsVerdictThoughTheNewGoalWouldBreachIt()
    {
        // Replied after 3h on Oct 31: met under 4h, would be late under 1h; the verdict was reached before the date.
        var state = Judge(Moving, "2026-10-31T12:00:00Z", "2026-11-05T00:00:00Z", CaseEvent.AgentReply(At("2026-10-31T15:00:00Z")));

        Assert.Equal(TargetState.Met, Target(state, "firstResponse").State);
    }

    [Fact]
    public void StateAt_RunningAtTheDateUnderAStricterGoal_BreachedAtTheNewDue()
    {
        // Opened Oct 31 22:00, no reply: running at the date (4h due Nov 1 02:00); the new 1h goal was due at 23:00.
        var state = Judge(Moving, "2026-10-31T22:00:00Z", "2026-11-01T01:00:00Z");

        var firstResponse = Target(state, "firstResponse");
        Assert.Equal(TargetState.Breached, firstResponse.State);
        Assert.Equal(At("2026-10-31T23:00:00Z"), firstResponse.BreachedAt);
    }

    [Fact]
    public void EscalationsBetween_Moved_FromTheDateOnTheNewVersionsRules()
    {
        // Opened Oct 31 12:00 and replied: the old 50 % warning would be Nov 1 12:00; the new 1d goal puts its 75 %
        // warning at Nov 1 06:00 and its breach at 12:00.
        var points = Points("2026-10-31T12:00:00Z");

        Assert.Equal([("resolution-percent75", At("2026-11-01T06:00:00Z")), ("resolution-breach", At("2026-11-01T12:00:00Z"))], points);
    }

    [Fact]
    public void EscalationsBetween_Moved_BeforeTheDateTheOldVersionsPoints()
    {
        // Opened Oct 30 20:00: the old 50 % warning came Oct 31 20:00, before the date. The new 1d goal was due then,
        // so resolution is breached at the move, but its points before the date are not listed again.
        var points = Points("2026-10-30T20:00:00Z");

        Assert.Equal([("resolution-percent50", At("2026-10-31T20:00:00Z"))], points);
    }

    private static List<(string, Instant)> Points(string opened)
    {
        var openedAt = At(opened);
        var clock = new CaseClock(Moving, new CaseHistory(openedAt, "1", [CaseEvent.AgentReply(openedAt + Duration.FromMinutes(30))]));
        var state = clock.StateAt(At("2026-11-03T00:00:00Z"));
        return [.. clock.EscalationsBetween(state, openedAt, At("2026-11-03T00:00:00Z")).Select(p => (p.RuleId, p.At))];
    }
}
