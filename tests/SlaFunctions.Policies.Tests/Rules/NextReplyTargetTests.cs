using SlaFunctions.Engine.Contracts;
using Xunit;

namespace SlaFunctions.Policies.Tests.Rules;

/// <summary><c>nextReply</c> is a standard target written like first response: <c>within</c> or <c>businessDays</c> on a
/// calendar, nothing of update's or a custom target's.</summary>
public sealed class NextReplyTargetTests
{
    private const string Anchor = "resolution: { businessDays: 2, calendar: business }";

    [Theory]
    [InlineData("nextReply: { within: 4h, calendar: business }", "PT4H")]
    [InlineData("nextReply: { businessDays: 1, calendar: business }", "P1D")]
    public void Read_NextReply_BuildsTheStandardTarget(string line, string goal)
    {
        var result = PolicyText.ReadWith(Anchor, $"{Anchor}\n      {line}");

        Assert.Empty(result.Problems);
        var target = result.Policy!.FindSeverity("2")!.FindTarget(Target.NextReplyName)!;
        Assert.Equal((TargetKind.NextReply, goal), (target.Kind, target.Goal.ToString()));
    }

    [Theory]
    [InlineData("nextReply: { every: 4h, calendar: business }", "severities[1].targets.nextReply.every", "'every' is for the update target")]
    [InlineData("nextReply: { within: 4h, calendar: business, metBy: [eta] }", "severities[1].targets.nextReply.metBy", "metBy is for resolution and custom targets")]
    [InlineData("nextReply: { businessDays: 1, calendar: 24x7 }", "severities[1].targets.nextReply.businessDays", "'24x7' is always open")]
    public void Check_NextReplyWithAnotherKindsField_ReportsItsPath(string line, string path, string message)
    {
        var result = PolicyText.ReadWith(Anchor, $"{Anchor}\n      {line}");

        Assert.Null(result.Policy);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }
}
