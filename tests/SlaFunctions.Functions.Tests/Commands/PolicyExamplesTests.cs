using SlaFunctions.Commands;
using SlaFunctions.Monitoring.Examples;
using SlaFunctions.Policies;
using Xunit;

namespace SlaFunctions.Functions.Tests.Commands;

/// <summary>The worked examples in <c>policies/examples</c>, one test case each, and <c>policy test</c> over them: the
/// check a support manager runs before a contract change ships.</summary>
public sealed class PolicyExamplesTests : IDisposable
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "policies", "examples");
    private readonly string _folder = Directory.CreateTempSubdirectory("sla-examples-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Every example as (file, position, name), so each shows as its own case named after its seed line.</summary>
    public static TheoryData<string, int, string> All()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in PolicyExampleFile.InFolder(Examples))
        {
            var examples = PolicyExampleFile.Read(file, [])!;
            for (var i = 0; i < examples.Examples.Count; i++)
            {
                data.Add(Path.GetFileName(file), i, examples.Examples[i].Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Example_AsWritten_PolicyGivesTheExpectedAnswer(string file, int index, string name)
    {
        var problems = new List<string>();
        var examples = PolicyExampleFile.Read(Path.Combine(Examples, file), problems);
        Assert.Empty(problems);
        var policy = PolicyReader.ReadFile(examples!.PolicyFile).Policy!;

        var differences = PolicyExampleRun.Differences(policy, examples.Examples[index]);

        Assert.True(differences.Count == 0, $"{file} {name}:\n  {string.Join("\n  ", differences)}");
    }

    [Fact]
    public void Examples_EachSeedPolicy_HasAFileOfExamples()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "policies");
        var policies = PolicyCatalog.PolicyFiles(folder).Select(Path.GetFileName);
        // Examples of a policy that is no seed (policies/examples/contracts/) come on top.
        var ofSeeds = PolicyExampleFile.InFolder(Examples)
            .Where(f => Path.GetDirectoryName(PolicyExampleFile.Read(f, [])!.PolicyFile) == Path.GetFullPath(folder));

        Assert.Equal(policies, ofSeeds.Select(Path.GetFileName));
    }

    [Fact]
    public async Task PolicyTest_AllExamples_PassAndExitZero()
    {
        var (exit, output, error) = await RunAsync("policy", "test", Examples);

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Empty(error);
        Assert.Contains(" passed, 0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyTest_WrongDueTime_PrintsTheDifferenceAndExitsOne()
    {
        var file = Path.Combine(_folder, "lumenvox.yaml");
        await File.WriteAllTextAsync(file, $$"""
            policy: {{Path.Combine(AppContext.BaseDirectory, "policies", "lumenvox.yaml")}}
            examples:
              - name: Major due Monday 11:30 (wrong on purpose)
                severity: "2"
                openedAt: 2026-03-06T23:30:00Z
                asOf: 2026-03-09T09:00:00Z
                expect:
                  targets:
                    firstResponse: { state: running, dueAt: 2026-03-09T11:30:00Z }
                    resolution: null
                  escalations:
                    - { rule: first-response-breach, at: 2026-03-09T11:30:00Z }
            """);

        var (exit, output, _) = await RunAsync("policy", "test", file);

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Contains("FAIL Major due Monday 11:30 (wrong on purpose) (examples[0])", output, StringComparison.Ordinal);
        Assert.Contains("targets.firstResponse.dueAt: expected 2026-03-09T11:30:00Z, got 2026-03-09T10:30:00Z", output, StringComparison.Ordinal);
        Assert.Contains("targets.resolution: expected no such target, got one", output, StringComparison.Ordinal);
        Assert.Contains("escalations: expected {\"rule\":\"first-response-breach\",\"at\":\"2026-03-09T11:30:00Z\"}, got 2026-03-09T10:30:00Z", output, StringComparison.Ordinal);
        Assert.Contains("0 passed, 1 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyTest_NoSuchFolder_ExitsOne()
    {
        var (exit, _, error) = await RunAsync("policy", "test", Path.Combine(_folder, "missing"));

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Contains("no such file or folder", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
