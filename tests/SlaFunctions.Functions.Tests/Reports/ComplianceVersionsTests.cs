using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Functions.Tests.Board;
using SlaFunctions.Functions.Tests.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Reports;

/// <summary>A later version of a policy never changes the report of a period before it: October's report is the same
/// before and after a November version is added, while November's cases are judged by the new version.</summary>
public sealed class ComplianceVersionsTests : IAsyncLifetime
{
    private const string October = "/api/reports/compliance?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z&groupBy=customer";
    private const string November = "/api/reports/compliance?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z&groupBy=customer";
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 5, 12, 0);

    // From 2026-11-01 (UTC), first response 1h and resolution 1d for new cases (4h and 2d before: GlobexContract).
    private const string NovemberVersion = """

        versions:
          - effectiveFrom: 2026-11-01
            severities:
              - id: "1"
                name: Urgent
                targets:
                  firstResponse: { within: 1h, calendar: 24x7 }
                  resolution: { within: 1d, calendar: 24x7 }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "slafunctions-versions-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly CaseApi _before;

    public ComplianceVersionsTests() => _before = GlobexContract.App(Now, _folder);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "globex.yaml"), GlobexContract.Text);
        var cases = new CaseSeeder(_before);
        // Replied after 2h: met under 4h, would be late under 1h. Solved after 30h: met under 2d, late under 1d.
        await cases.OpenAsync("acme-zendesk", "A", Instant.FromUtc(2026, 10, 5, 9, 0), "1", null,
            CaseEvent.AgentReply(Instant.FromUtc(2026, 10, 5, 11, 0)), CaseEvent.StatusChange(Instant.FromUtc(2026, 10, 6, 15, 0), CaseStatus.Solved));
        // Opened the evening before November and never answered: breached under either version.
        await cases.OpenAsync("acme-events", "B", Instant.FromUtc(2026, 10, 31, 22, 0), "1");
        // In November, replied after 2h: met under the old version, late under November's.
        await cases.OpenAsync("acme-zendesk", "C", Instant.FromUtc(2026, 11, 3, 9, 0), "1", null, CaseEvent.AgentReply(Instant.FromUtc(2026, 11, 3, 11, 0)));
    }

    public async Task DisposeAsync()
    {
        await new CaseSeeder(_before).DeleteTablesAsync();
        await _before.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Compliance_NovemberVersionAdded_OctoberReportUnchanged()
    {
        var (_, before, _) = await new CaseSeeder(_before).GetTextAsync(October);

        await File.AppendAllTextAsync(Path.Combine(_folder, "globex.yaml"), NovemberVersion);
        await using var after = GlobexContract.App(Now, _folder).With("Storage:CasesTable", _before.CasesTable).With("Storage:DueTable", _before.DueTable);
        var (_, again, _) = await new CaseSeeder(after).GetTextAsync(October);

        Assert.Contains("\"met\":1", before, StringComparison.Ordinal);
        Assert.Equal(before, again);
    }

    [Fact]
    public async Task Compliance_NovemberVersionAdded_NovembersCasesJudgedByIt()
    {
        var (_, before, _) = await new CaseSeeder(_before).GetTextAsync(November);

        await File.AppendAllTextAsync(Path.Combine(_folder, "globex.yaml"), NovemberVersion);
        await using var after = GlobexContract.App(Now, _folder).With("Storage:CasesTable", _before.CasesTable).With("Storage:DueTable", _before.DueTable);
        var report = await new CaseSeeder(after).GetJsonAsync(November);

        Assert.Contains("\"target\":\"firstResponse\",\"cases\":1,\"met\":1", before, StringComparison.Ordinal);
        var firstResponse = report["rows"]!.AsArray().Single(r => (string)r!["target"]! == "firstResponse")!;
        Assert.Equal((0, 1), ((int)firstResponse["met"]!, (int)firstResponse["breached"]!));
    }
}
