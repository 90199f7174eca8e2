using NodaTime;
using SlaFunctions.Policies;

namespace SlaFunctions.Commands;

/// <summary><c>policy validate FILE...</c>: checks policy files and lists every problem with its path, and warns (without
/// failing) about calendars whose holidays run out within 12 months.</summary>
internal static class ValidateCommand
{
    /// <param name="paths">Policy files or folders.</param>
    /// <param name="output">Where results and warnings go.</param>
    /// <param name="error">Where failures go.</param>
    /// <param name="today">The date warnings are measured from; today in UTC when null.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, TextWriter output, TextWriter error, LocalDate? today = null)
    {
        var date = today ?? SystemClock.Instance.GetCurrentInstant().InUtc().Date;
        if (paths.Count == 0)
        {
            await error.WriteLineAsync("policy validate: name at least one policy file or folder.");
            return CommandLine.Usage;
        }
        var files = paths.SelectMany(p => Directory.Exists(p) ? PolicyCatalog.PolicyFiles(p) : [p]).ToList();
        var failed = 0;
        foreach (var file in files)
        {
            if (!File.Exists(file))
            {
                failed++;
                await error.WriteLineAsync($"FAIL {file}: no such file.");
                continue;
            }
            var result = PolicyReader.ReadFile(file);
            if (result.Policy is { } policy)
            {
                await output.WriteLineAsync($"ok   {file} (id {policy.Id}, {policy.Severities.Count} severities, {policy.Escalations.Count} escalation rules)");
                foreach (var warning in HolidayHorizon.Warnings(result, date))
                {
                    await output.WriteLineAsync($"  warning {warning}");
                }
                continue;
            }
            failed++;
            await error.WriteLineAsync($"FAIL {file}: {result.Problems.Count} problem(s)");
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync($"  {problem}");
            }
        }
        await output.WriteLineAsync($"{files.Count - failed} valid, {failed} invalid");
        return failed == 0 ? CommandLine.Ok : CommandLine.BadInput;
    }
}
