using SlaFunctions.Engine.Contracts;
using Xunit;

namespace SlaFunctions.Policies.Tests.Rules;

/// <summary>A target of its own name with <c>team</c> is a team target (OLA): a deadline on a calendar for one
/// assignee group; nothing of update's or a custom target's.</summary>
public sealed class TeamTargetTests
{
    private const string Anchor = "resolution: { businessDays: 2, calendar: business }";

    [Fact]
    public void Read_TargetWithTeam_BuildsATeamTarget()
    {
        var result = PolicyText.ReadWith(Anchor, $"{Anchor}\n      levelTwo: {{ team: Level 2, within: 8h, calendar: business }}");

        Assert.Empty(result.Problems);
        var target = result.Policy!.FindSeverity("2")!.FindTarget("levelTwo")!;
        Assert.Equal((TargetKind.Team, "Level 2", "PT8H"), (target.Kind, target.Team, target.Goal.ToString()));
    }

    [Theory]
    [InlineData("levelTwo: { team: Level 2, within: 8h, calendar: business, metBy: [eta] }", "severities[1].targets.levelTwo.metBy", "hands the case on")]
    [InlineData("levelTwo: { team: Level 2, within: 8h, calendar: business, startOn: pending }", "severities[1].targets.levelTwo.startOn", "takes the case")]
    [InlineData("levelTwo: { team: '', within: 8h, calendar: business }", "severities[1].targets.levelTwo.team", "is empty")]
    [InlineData("nextReply: { team: Level 2, within: 8h, calendar: business }", "severities[1].targets.nextReply.team", "is a standard target")]
    public void Check_BrokenTeamTarget_ReportsItsPath(string line, string path, string message)
    {
        var result = PolicyText.ReadWith(Anchor, $"{Anchor}\n      {line}");

        Assert.Null(result.Policy);
        Assert.Contains(result.Problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }
}
