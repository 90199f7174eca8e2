using System.Text.Json.Nodes;
using SlaFunctions.Commands;
using Xunit;

namespace SlaFunctions.Functions.Tests.Commands;

public sealed class CommandLineTests : IDisposable
{
    private static readonly string Policies = Path.Combine(AppContext.BaseDirectory, "policies");
    private readonly string _folder = Directory.CreateTempSubdirectory("sla-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Preview_SeedExample_PrintsTheApiBody()
    {
        // A LumenVox severity-2 case opened Friday 23:30 GMT needs its first response by Monday 10:30.
        var (exit, output, _) = await RunAsync("preview", "--policy", Path.Combine(Policies, "lumenvox.yaml"), "--severity", "2",
            "--opened", "2026-03-06T23:30:00Z", "--as-of", "2026-03-09T09:00:00Z");

        Assert.Equal(CommandLine.Ok, exit);
        var body = JsonNode.Parse(output)!;
        var first = body["targets"]!.AsArray().Single(t => (string)t!["name"]! == "firstResponse")!;
        Assert.Equal("2026-03-09T10:30:00Z", (string)first["dueAt"]!);
    }

    [Fact]
    public async Task Preview_InternalTarget_MarkedInternalAndPromisesAreNot()
    {
        // LUMEDX Priority 1: the follow-up-call clock is the vendor's own (internal: true); the 15-minute account
        // management notice is the seed's promise, so it carries no internal mark.
        var (exit, output, _) = await RunAsync("preview", "--policy", Path.Combine(Policies, "lumedx.yaml"), "--severity", "1",
            "--opened", "2026-03-10T17:00:00Z", "--as-of", "2026-03-10T18:00:00Z");

        Assert.Equal(CommandLine.Ok, exit);
        var targets = JsonNode.Parse(output)!["targets"]!.AsArray();
        Assert.True((bool)targets.Single(t => (string)t!["name"]! == "followUpCalls")!["internal"]!);
        Assert.Null(targets.Single(t => (string)t!["name"]! == "accountManagement")!["internal"]);
    }

    [Fact]
    public async Task Preview_ReadmeEventsSample_ReplyPauseAndReturnApplied()
    {
        // The README's `--events policies/examples/events.json`: replied 23:45, pending 23:50, the customer back Monday 08:30.
        var (exit, output, error) = await RunAsync("preview", "--policy", Path.Combine(Policies, "lumenvox.yaml"), "--severity", "2",
            "--opened", "2026-03-06T23:30:00Z", "--as-of", "2026-03-09T09:00:00Z", "--events", Path.Combine(Policies, "examples", "events.json"));

        Assert.True(exit == CommandLine.Ok, error);
        var targets = JsonNode.Parse(output)!["targets"]!.AsArray();
        Assert.Equal("met", (string)targets.Single(t => (string)t!["name"]! == "firstResponse")!["state"]!);
        Assert.Equal("running", (string)targets.Single(t => (string)t!["name"]! == "resolution")!["state"]!);
    }

    [Fact]
    public async Task Validate_HolidaysEndingWithin12Months_WarnsButPasses()
    {
        var file = Path.Combine(_folder, "old.yaml");
        var text = await File.ReadAllTextAsync(Path.Combine(Policies, "xecuritas.yaml"));
        var start = text.IndexOf("    holidayRules:", StringComparison.Ordinal);
        var end = text.IndexOf("  # \"Support for Severity-1", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text[..start] + "    holidays: [\"2010-11-25\", \"2010-12-31\"]\n" + text[end..]);

        var (exit, output, _) = await RunAsync("policy", "validate", file, Path.Combine(Policies, "xecuritas.yaml"));

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Contains("  warning calendars.business: its last holiday is 2010-12-31", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.Contains("warning", StringComparison.Ordinal)); // the shipped file, with rules, has none
    }

    [Fact]
    public async Task Preview_EventsFile_AppliedInTimeOrder()
    {
        var events = Path.Combine(_folder, "events.json");
        await File.WriteAllTextAsync(events, """
            [{ "at": "2026-03-09T09:00:00Z", "type": "agentReply" },
             { "at": "2026-03-06T23:40:00Z", "type": "status", "status": "pending" }]
            """);

        var (exit, output, _) = await RunAsync("preview", "--policy", Path.Combine(Policies, "lumenvox.yaml"), "--severity", "2",
            "--opened", "2026-03-06T23:30:00Z", "--as-of", "2026-03-09T10:00:00Z", "--events", events);

        Assert.Equal(CommandLine.Ok, exit);
        var resolution = JsonNode.Parse(output)!["targets"]!.AsArray().Single(t => (string)t!["name"]! == "resolution")!;
        Assert.Equal("paused", (string)resolution["state"]!);
    }

    [Theory]
    [InlineData("--opened", "2026-03-06T23:30:00", "--opened: '2026-03-06T23:30:00' has no offset")] // local time
    [InlineData("--severity", "9", "--severity: '9' is not a severity")] // unknown severity
    public async Task Preview_BadInput_ExitsOneNamingTheFlag(string flag, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--policy"] = Path.Combine(Policies, "lumenvox.yaml"),
            ["--severity"] = "2",
            ["--opened"] = "2026-03-06T23:30:00Z",
        };
        args[flag] = value;

        var (exit, _, error) = await RunAsync(["preview", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_UnknownFlag_ExitsTwoWithUsage()
    {
        var (exit, _, error) = await RunAsync("preview", "--opend", "2026-03-06T23:30:00Z");

        Assert.Equal(CommandLine.Usage, exit);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyValidate_ShippedPolicies_AllValid()
    {
        var (exit, output, _) = await RunAsync("policy", "validate", Policies);

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Contains("7 valid, 0 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyValidate_BrokenPolicy_ExitsOneListingEveryPath()
    {
        var broken = Path.Combine(_folder, "broken.yaml");
        var text = (await File.ReadAllTextAsync(Path.Combine(Policies, "lumenvox.yaml")))
            .Replace("timeZone: Etc/GMT", "timeZone: Etc/Nowhere", StringComparison.Ordinal)
            .Replace("firstResponse: { within: 1h, calendar: support }", "firstResponse: { within: 1x, calendar: support }", StringComparison.Ordinal);
        await File.WriteAllTextAsync(broken, text);

        var (exit, _, error) = await RunAsync("policy", "validate", broken);

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Contains("calendars.support.timeZone: 'Etc/Nowhere' is not a time zone", error, StringComparison.Ordinal);
        Assert.Contains("severities[0].targets.firstResponse.within: '1x' is not a duration", error, StringComparison.Ordinal);
    }
}
