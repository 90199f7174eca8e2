using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Monitoring;
using SlaFunctions.Policies;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Problems;

namespace SlaFunctions.Commands;

/// <summary><c>preview --policy FILE --severity ID --opened INSTANT [--as-of] [--events FILE]</c>: prints the same body
/// as <c>POST /api/sla/preview</c>.</summary>
internal static class PreviewCommand
{
    private static readonly Dictionary<string, string> Flags = new()
    {
        ["--policy"] = "policy",
        ["--severity"] = "severity",
        ["--opened"] = "openedAt",
        ["--as-of"] = "asOf",
        ["--events"] = "events",
        ["--channel"] = "channel",
    };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (!Flags.TryGetValue(args[i], out var name) || i + 1 >= args.Count)
            {
                await error.WriteLineAsync($"preview: '{args[i]}' is not a flag or has no value.{Environment.NewLine}{CommandLine.UsageText}");
                return CommandLine.Usage;
            }
            values[name] = args[++i];
        }
        if (!values.TryGetValue("policy", out var policyFile))
        {
            await error.WriteLineAsync("preview: --policy is required: the policy file to use.");
            return CommandLine.Usage;
        }
        if (!File.Exists(policyFile))
        {
            await error.WriteLineAsync($"preview: --policy: '{policyFile}' does not exist.");
            return CommandLine.BadInput;
        }
        var read = PolicyReader.ReadFile(policyFile);
        if (read.Policy is not { } policy)
        {
            await error.WriteLineAsync($"preview: --policy: {policyFile} is invalid:");
            foreach (var problem in read.Problems)
            {
                await error.WriteLineAsync($"  {problem}");
            }
            return CommandLine.BadInput;
        }

        var request = new JsonObject { ["policyId"] = policy.Id };
        foreach (var key in new[] { "severity", "openedAt", "asOf", "channel" })
        {
            if (values.TryGetValue(key, out var value))
            {
                request[key] = value;
            }
        }
        if (values.TryGetValue("events", out var eventsFile))
        {
            try
            {
                request["events"] = JsonNode.Parse(await File.ReadAllTextAsync(eventsFile));
            }
            catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"preview: --events: '{eventsFile}' cannot be read as JSON: {ex.Message}");
                return CommandLine.BadInput;
            }
        }

        var errors = new List<ProblemError>();
        var preview = PreviewRequestReader.Read(request, errors);
        var response = preview is null ? null : PreviewCalculator.Calculate(policy, preview, SystemClock.Instance.GetCurrentInstant(), errors);
        if (response is null)
        {
            foreach (var problem in errors)
            {
                await error.WriteLineAsync($"preview: {FlagFor(problem.Path)}: {problem.Message}");
            }
            return CommandLine.BadInput;
        }
        var indented = new MonitoringJsonContext(new JsonSerializerOptions(MonitoringJsonContext.Default.Options) { WriteIndented = true });
        await output.WriteLineAsync(JsonSerializer.Serialize(response, indented.PreviewResponse));
        return CommandLine.Ok;
    }

    private static string FlagFor(string path)
    {
        var field = path.Split('[', '.')[0];
        var flag = Flags.FirstOrDefault(f => f.Value == field).Key;
        return flag is null ? path : path == field ? flag : $"{flag} {path}";
    }
}
