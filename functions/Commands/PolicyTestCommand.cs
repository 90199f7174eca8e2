using SlaFunctions.Monitoring.Examples;
using SlaFunctions.Policies;

namespace SlaFunctions.Commands;

/// <summary><c>policy test [FILE_OR_FOLDER...]</c>: runs the worked examples beside the policies (by default every
/// file in <c>policies/examples</c>) and prints each one that fails with a line per difference.</summary>
internal static class PolicyTestCommand
{
    /// <summary>Where the examples are when no file is named.</summary>
    public const string DefaultFolder = "policies/examples";

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        var roots = paths.Count == 0 ? [DefaultFolder] : paths;
        var missing = roots.Where(p => !Directory.Exists(p) && !File.Exists(p)).ToList();
        foreach (var path in missing)
        {
            await error.WriteLineAsync($"FAIL {path}: no such file or folder.");
        }
        var files = roots.Except(missing).SelectMany(p => Directory.Exists(p) ? PolicyExampleFile.InFolder(p) : [p]).ToList();
        var (passed, failed) = (0, missing.Count);
        foreach (var file in files)
        {
            var problems = new List<string>();
            var examples = PolicyExampleFile.Read(file, problems);
            var read = examples is null ? null : PolicyReader.ReadFile(examples.PolicyFile);
            if (examples is null || read?.Policy is null)
            {
                failed++;
                await error.WriteLineAsync($"FAIL {file}");
                foreach (var problem in problems.Concat(read?.Problems.Select(p => $"{examples!.PolicyFile}: {p}") ?? []))
                {
                    await error.WriteLineAsync($"  {problem}");
                }
                continue;
            }
            await output.WriteLineAsync($"{file} ({Path.GetFileName(examples.PolicyFile)}, {examples.Examples.Count} examples)");
            foreach (var example in examples.Examples)
            {
                var differences = PolicyExampleRun.Differences(read.Policy, example);
                if (differences.Count == 0)
                {
                    passed++;
                    await output.WriteLineAsync($"  ok   {example.Name}");
                    continue;
                }
                failed++;
                await output.WriteLineAsync($"  FAIL {example.Name} ({example.Path})");
                foreach (var difference in differences)
                {
                    await output.WriteLineAsync($"         {difference}");
                }
            }
        }
        await output.WriteLineAsync($"{passed} passed, {failed} failed");
        return failed == 0 ? CommandLine.Ok : CommandLine.BadInput;
    }
}
