using System.Net;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Functions.Tests.Board;
using SlaFunctions.Functions.Tests.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Reports;

/// <summary>Seven LumenVox cases with outcomes worked out by hand on the support calendar (Mon-Fri 08:00-01:00 GMT),
/// five of them opened in the window [2026-03-02, 2026-03-16), judged on Fri 2026-03-20 12:00.</summary>
public sealed class ComplianceReportTests : IAsyncLifetime
{
    private const string Window = "from=2026-03-02T00:00:00Z&to=2026-03-16T00:00:00Z&policy=lumenvox";
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 9, 0, 0);

    private readonly CaseApi _api = new(Instant.FromUtc(2026, 3, 20, 12, 0), settings: new Dictionary<string, string?>
    {
        ["Webhooks:Connections:acme-zendesk:Customer"] = "Acme Corp",
        ["Webhooks:Connections:globex:Source"] = "cloudevents",
        ["Webhooks:Connections:globex:Secrets:0"] = "whsec_Z2xvYmV4LXRlc3Qtc2VjcmV0LTAxMjM0NTY3",
        ["Webhooks:Connections:globex:Policy"] = "lumenvox",
        ["Webhooks:Connections:globex:Customer"] = "Globex, Inc.",
    });

    private readonly CaseSeeder _cases;

    public ComplianceReportTests() => _cases = new CaseSeeder(_api);

    private static Instant At(int day, int hour, int minute = 0) => Monday.Plus(Duration.FromDays(day) + Duration.FromHours(hour) + Duration.FromMinutes(minute));

    public async Task InitializeAsync()
    {
        // A: Major, replied after 1h (met), solved after 10h open (met).
        await _cases.OpenAsync("acme-zendesk", "A", At(0, 10), "2", null, CaseEvent.AgentReply(At(0, 11)), CaseEvent.StatusChange(At(0, 20), CaseStatus.Solved));
        // B: Major, replied after 5h (breached, 5h), pending Mon 16:00 to Tue 10:00 (9h + 2h open), solved Tue 12:00:
        // 19h open from opening less 11h paused = 8h to resolution (met).
        await _cases.OpenAsync("acme-zendesk", "B", At(0, 10), "2", null,
            CaseEvent.AgentReply(At(0, 15)), CaseEvent.StatusChange(At(0, 16), CaseStatus.Pending),
            CaseEvent.CustomerReply(At(1, 10)), CaseEvent.StatusChange(At(1, 10), CaseStatus.Open), CaseEvent.StatusChange(At(1, 12), CaseStatus.Solved));
        // H: Critical, replied after 20 min (met), solved after 12h on 24x7 (met).
        await _cases.OpenAsync("acme-zendesk", "H", At(0, 10), "1", null, CaseEvent.AgentReply(At(0, 10, 20)), CaseEvent.StatusChange(At(0, 22), CaseStatus.Solved));
        // C: Major, replied after 30 min (met), never solved: 48h open time ran out Thu 23:00 (breached).
        await _cases.OpenAsync("globex", "C", At(1, 9), "2", null, CaseEvent.AgentReply(At(1, 9, 30)));
        // D: Major, no reply at all: first response breached Wed 14:00, resolution breached too.
        await _cases.OpenAsync("globex", "D", At(2, 10), "2");
        // Outside the window: opened on its end (exclusive) and the evening before its start.
        await _cases.OpenAsync("globex", "E", Instant.FromUtc(2026, 3, 16, 0, 0), "2");
        await _cases.OpenAsync("globex", "F", Instant.FromUtc(2026, 3, 1, 23, 0), "2", null, CaseEvent.AgentReply(Instant.FromUtc(2026, 3, 2, 9, 0)));
    }

    public async Task DisposeAsync()
    {
        await _cases.DeleteTablesAsync();
        await _api.DisposeAsync();
    }

    private static JsonNode Row(JsonNode report, string group, string target) =>
        report["rows"]!.AsArray().Single(r => (string)r!["group"]! == group && (string)r["target"]! == target)!;

    private static void AssertRow(JsonNode row, int cases, int met, int breached, double? percent, string? median, string? p90)
    {
        Assert.Equal(cases, (int)row["cases"]!);
        Assert.Equal(met, (int)row["met"]!);
        Assert.Equal(breached, (int)row["breached"]!);
        Assert.Equal(percent, (double?)row["percentMet"]);
        Assert.Equal(median, (string?)row["medianOpenTime"]);
        Assert.Equal(p90, (string?)row["p90OpenTime"]);
    }

    [Fact]
    public async Task Compliance_ByTarget_CountsCasesOpenedInWindow()
    {
        var report = await _cases.GetJsonAsync($"/api/reports/compliance?{Window}&groupBy=target");

        Assert.Equal(5, (int)report["cases"]!);
        Assert.Equal("2026-03-20T12:00:00Z", (string)report["asOf"]!);
        // First responses 20m, 30m, 1h, 5h (D has none): nearest-rank median is the 2nd, p90 the 4th.
        AssertRow(Row(report, "", "firstResponse"), cases: 5, met: 3, breached: 2, percent: 60.0, median: "PT30M", p90: "PT5H");
        // Resolutions 8h (B, pauses taken out), 10h (A), 12h (H).
        AssertRow(Row(report, "", "resolution"), cases: 5, met: 3, breached: 2, percent: 60.0, median: "PT10H", p90: "PT12H");
    }

    [Fact]
    public async Task Compliance_BySeverity_SplitsCriticalFromMajor()
    {
        var report = await _cases.GetJsonAsync($"/api/reports/compliance?{Window}&groupBy=severity");

        AssertRow(Row(report, "1", "firstResponse"), cases: 1, met: 1, breached: 0, percent: 100.0, median: "PT20M", p90: "PT20M");
        AssertRow(Row(report, "1", "resolution"), cases: 1, met: 1, breached: 0, percent: 100.0, median: "PT12H", p90: "PT12H");
        AssertRow(Row(report, "2", "firstResponse"), cases: 4, met: 2, breached: 2, percent: 50.0, median: "PT1H", p90: "PT5H");
        AssertRow(Row(report, "2", "resolution"), cases: 4, met: 2, breached: 2, percent: 50.0, median: "PT8H", p90: "PT10H");
    }

    [Fact]
    public async Task Compliance_ByCustomer_UsesTheConnectionsCustomer()
    {
        var report = await _cases.GetJsonAsync($"/api/reports/compliance?{Window}&groupBy=customer");

        AssertRow(Row(report, "Acme Corp", "firstResponse"), cases: 3, met: 2, breached: 1, percent: 66.7, median: "PT1H", p90: "PT5H");
        AssertRow(Row(report, "Globex, Inc.", "firstResponse"), cases: 2, met: 1, breached: 1, percent: 50.0, median: "PT30M", p90: "PT30M");
        AssertRow(Row(report, "Globex, Inc.", "resolution"), cases: 2, met: 0, breached: 2, percent: 0.0, median: null, p90: null);
    }

    [Fact]
    public async Task Compliance_AcceptCsv_OneQuotedLinePerRow()
    {
        var (status, text, mediaType) = await _cases.GetTextAsync($"/api/reports/compliance?{Window}&groupBy=customer", accept: "text/csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("text/csv", mediaType);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("policy,group,target,cases,met,breached,pending,percentMet,timed,medianOpenTime,p90OpenTime", lines[0]);
        Assert.Contains("lumenvox,\"Globex, Inc.\",firstResponse,2,1,1,0,50.0,1,PT30M,PT30M", lines);
        Assert.Contains("lumenvox,\"Globex, Inc.\",resolution,2,0,2,0,0.0,0,,", lines);
    }

    [Theory]
    [InlineData("groupBy=week", "groupBy")] // not a grouping
    [InlineData("from=2026-03-10T00:00:00Z&to=2026-03-10T00:00:00Z", "to")] // an empty window
    [InlineData("from=2026-03-10T00:00:00", "from")] // no offset
    [InlineData("policy=nosuch", "policy")] // not loaded
    [InlineData("format=xml", "format")] // not a format
    public async Task Compliance_BadQuery_400NamingTheParameter(string query, string path)
    {
        var (status, text, _) = await _cases.GetTextAsync($"/api/reports/compliance?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(JsonNode.Parse(text)!["errors"]!.AsArray(), e => (string)e!["path"]! == path);
    }
}
