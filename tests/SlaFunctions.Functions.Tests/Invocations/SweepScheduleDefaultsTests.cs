using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SlaFunctions.Monitoring.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The sweep runs as often in Azure as standalone: the Bicep default, both parameter files and the local
/// settings sample carry the app's own default schedule (a deployment that kept the old once-a-minute value would
/// send notices half a minute late on average).</summary>
public sealed partial class SweepScheduleDefaultsTests
{
    private static string Read(string path) => File.ReadAllText(Path.Combine(FunctionFolders.RepositoryRoot, path));

    [Fact]
    public void BicepDefault_IsTheAppsDefault()
    {
        Assert.Equal(SweepOptions.DefaultSchedule, BicepDefault().Match(Read("infra/main.bicep")).Groups[1].Value);
    }

    [Theory]
    [InlineData("infra/main.parameters.json")]
    [InlineData("infra/main.prod.parameters.json")]
    public void ParameterFile_IsTheAppsDefault(string path)
    {
        Assert.Equal(SweepOptions.DefaultSchedule, JsonNode.Parse(Read(path))!["parameters"]!["sweepSchedule"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public void LocalSettingsSample_IsTheAppsDefault()
    {
        Assert.Equal(SweepOptions.DefaultSchedule, JsonNode.Parse(Read("local.settings.sample.json"))!["Values"]!["Sweep__Schedule"]!.GetValue<string>());
    }

    [Fact]
    public void Options_Unset_TheDefault()
    {
        Assert.Equal(SweepOptions.DefaultSchedule, new SweepOptions().Schedule);
        Assert.True(SweepSchedule.TryParse(SweepOptions.DefaultSchedule, out _));
    }

    [GeneratedRegex(@"param sweepSchedule string = '([^']*)'")]
    private static partial Regex BicepDefault();
}
