using SlaFunctions.Engine.Clocks;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Problems;
using static SlaFunctions.Monitoring.Tests.TestCases;

namespace SlaFunctions.Monitoring.Tests.Preview;

public sealed class PreviewCalculatorTests
{
    [Fact]
    public void Calculate_LumenVoxMajorOpenedFridayNight_FirstResponseMondayMorning()
    {
        // The README's worked example: 1h30 of support time before Sat 01:00 GMT, none at the weekend, 2h30 from Mon 08:00.
        var request = new PreviewRequest { PolicyId = "lumenvox", Severity = "2", OpenedAt = At("2026-03-06T23:30:00Z"), AsOf = At("2026-03-09T09:00:00Z") };
        var errors = new List<ProblemError>();

        var response = PreviewCalculator.Calculate(TestPolicies.Seed("lumenvox"), request, At("2026-03-09T09:00:00Z"), errors);

        Assert.Empty(errors);
        var firstResponse = response!.Targets.Single(t => t.Name == "firstResponse");
        Assert.Equal(("running", "2026-03-09T10:30:00Z", "PT1H30M"), (firstResponse.State, firstResponse.DueAt, firstResponse.Remaining));
    }

    [Fact]
    public void Calculate_ReplyBeforeDue_FirstResponseMet()
    {
        var request = new PreviewRequest
        {
            Severity = "1",
            OpenedAt = At("2026-03-09T09:00:00Z"),
            Events = [new PreviewEvent(0, CaseEvent.AgentReply(At("2026-03-09T09:45:00Z")))],
        };
        var errors = new List<ProblemError>();

        var response = PreviewCalculator.Calculate(TestPolicies.Acme, request, At("2026-03-09T12:00:00Z"), errors);

        var firstResponse = response!.Targets.Single(t => t.Name == "firstResponse");
        Assert.Equal(("met", "2026-03-09T09:45:00Z"), (firstResponse.State, firstResponse.MetAt));
        Assert.Equal("2026-03-09T12:00:00Z", response.AsOf);
    }

    [Fact]
    public void Calculate_UnknownSeverity_ProblemAtSeverity()
    {
        var request = new PreviewRequest { Severity = "9", OpenedAt = At("2026-03-09T09:00:00Z") };
        var errors = new List<ProblemError>();

        var response = PreviewCalculator.Calculate(TestPolicies.Acme, request, At("2026-03-09T12:00:00Z"), errors);

        Assert.Null(response);
        Assert.Equal("severity", Assert.Single(errors).Path);
    }
}
