using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Functions.Tests.Board;
using SlaFunctions.Functions.Tests.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Reports;

/// <summary>The report's <c>teams</c> rows over Azurite: the helpdesk example (London office Mon-Fri 09:00-17:00, GMT
/// in March) loaded beside LumenVox, one case handed from Level 1 to Level 2, judged on Wed 2026-03-11 12:00.</summary>
public sealed class ComplianceTeamsEndpointTests : IAsyncLifetime
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 9, 0, 0);
    private readonly HelpdeskPolicies _policies = new();
    private readonly CaseApi _api;
    private readonly CaseSeeder _cases;

    public ComplianceTeamsEndpointTests()
    {
        _api = _policies.Api(At(2, 12));
        _cases = new CaseSeeder(_api);
    }

    private static Instant At(int day, int hour, int minute = 0) => Monday.Plus(Duration.FromDays(day) + Duration.FromHours(hour) + Duration.FromMinutes(minute));

    // Level 1 Mon 09:00-09:30 (met, 1h), then Level 2 from 09:30, still holding: 7h30 Mon, 8h Tue, 3h Wed = 18h30,
    // past its 8h (breached).
    public Task InitializeAsync() => _cases.OpenAsync("desk", "T-1", At(0, 9), "normal", null,
        CaseEvent.GroupChange(At(0, 9), "Level 1"), CaseEvent.GroupChange(At(0, 9, 30), "Level 2"));

    public async Task DisposeAsync()
    {
        await _cases.DeleteTablesAsync();
        await _api.DisposeAsync();
        _policies.Dispose();
    }

    [Fact]
    public async Task Compliance_GroupEvents_TeamsRowsPerGroup()
    {
        var report = await _cases.GetJsonAsync("/api/reports/compliance?from=2026-03-02T00:00:00Z&to=2026-03-16T00:00:00Z&policy=helpdesk");

        var teams = report["teams"]!.AsArray();
        Assert.Equal(2, teams.Count);
        Assert.Equal("""{"policyId":"helpdesk","group":"Level 1","cases":1,"heldOpenTime":"PT30M","met":1,"breached":0,"pending":0}""", teams[0]!.ToJsonString());
        Assert.Equal("""{"policyId":"helpdesk","group":"Level 2","cases":1,"heldOpenTime":"PT18H30M","met":0,"breached":1,"pending":0}""", teams[1]!.ToJsonString());
        Assert.Equal(1, (int)report["rows"]!.AsArray().Single(r => (string)r!["target"]! == "firstResponse")!["cases"]!);
    }
}
