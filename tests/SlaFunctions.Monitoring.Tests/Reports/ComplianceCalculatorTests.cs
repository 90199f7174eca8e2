using SlaFunctions.Engine.Clocks;
using SlaFunctions.Monitoring.Reports;
using static SlaFunctions.Monitoring.Tests.TestCases;

namespace SlaFunctions.Monitoring.Tests.Reports;

public sealed class ComplianceCalculatorTests
{
    private static readonly string AsOf = "2026-03-10T00:00:00Z";

    // Three Major cases (first response 4h, resolution 24h, always open): replied after 1h, after 3h, and after 5h (late).
    private static readonly ComplianceCase[] Major =
    [
        new(TestPolicies.Acme, Record(TestPolicies.Acme, "1", "2026-03-02T09:00:00Z", "2", CaseEvent.AgentReply(At("2026-03-02T10:00:00Z"))), "Acme"),
        new(TestPolicies.Acme, Record(TestPolicies.Acme, "2", "2026-03-03T09:00:00Z", "2", CaseEvent.AgentReply(At("2026-03-03T12:00:00Z"))), "Acme"),
        new(TestPolicies.Acme, Record(TestPolicies.Acme, "3", "2026-03-04T09:00:00Z", "2", CaseEvent.AgentReply(At("2026-03-04T14:00:00Z"))), "Beta"),
    ];

    [Fact]
    public void Rows_TwoOnTimeOneLate_MetBreachedAndPercent()
    {
        var firstResponse = ComplianceCalculator.Rows(Major, ComplianceGrouping.Target, At(AsOf)).Single(r => r.Target == "firstResponse");

        Assert.Equal((3, 2, 1, 0), (firstResponse.Cases, firstResponse.Met, firstResponse.Breached, firstResponse.Pending));
        Assert.Equal(66.7, firstResponse.PercentMet);
    }

    [Fact]
    public void Rows_TimesToFirstResponse_NearestRankMedianAndP90()
    {
        var firstResponse = ComplianceCalculator.Rows(Major, ComplianceGrouping.Target, At(AsOf)).Single(r => r.Target == "firstResponse");

        // 1h, 3h, 5h: the median is the 2nd of 3, the 90th percentile the 3rd; the late reply counts in both.
        Assert.Equal(("PT3H", "PT5H", 3), (firstResponse.MedianOpenTime, firstResponse.P90OpenTime, firstResponse.Timed));
    }

    [Fact]
    public void Rows_NeverSolved_ResolutionBreachedOnceDuePassed()
    {
        var resolution = ComplianceCalculator.Rows(Major, ComplianceGrouping.Target, At(AsOf)).Single(r => r.Target == "resolution");

        // None was solved, and each resolution (24h) was due days before asOf.
        Assert.Equal((0, 3, 0), (resolution.Met, resolution.Breached, resolution.Pending));
        Assert.Equal(0.0, resolution.PercentMet);
    }

    [Fact]
    public void Rows_ByCustomer_OneRowPerCustomerAndTarget()
    {
        var rows = ComplianceCalculator.Rows(Major, ComplianceGrouping.Customer, At(AsOf)).Where(r => r.Target == "firstResponse").ToList();

        Assert.Equal(["Acme", "Beta"], rows.Select(r => r.Group).Order(StringComparer.Ordinal));
        Assert.Equal((2, 0), rows.Where(r => r.Group == "Acme").Select(r => (r.Met, r.Breached)).Single());
        Assert.Equal((0, 1), rows.Where(r => r.Group == "Beta").Select(r => (r.Met, r.Breached)).Single());
    }

    [Fact]
    public void Rows_NothingDecided_PendingAndNoPercent()
    {
        // Opened an hour before asOf: the first response (4h) still runs.
        ComplianceCase[] running = [new(TestPolicies.Acme, Record(TestPolicies.Acme, "4", "2026-03-09T23:00:00Z", "2"), "Acme")];

        var firstResponse = ComplianceCalculator.Rows(running, ComplianceGrouping.Target, At(AsOf)).Single(r => r.Target == "firstResponse");

        Assert.Equal((0, 0, 1), (firstResponse.Met, firstResponse.Breached, firstResponse.Pending));
        Assert.Null(firstResponse.PercentMet);
    }
}
