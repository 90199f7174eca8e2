using System.Text.Json;
using NodaTime;
using SlaFunctions.Hosting;
using SlaFunctions.Monitoring;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Monitoring.WhatIf;
using SlaFunctions.Policies;
using SlaFunctions.Storage;

namespace SlaFunctions.Commands;

/// <summary><c>policy what-if --policy FILE [--from INSTANT] [--to INSTANT] [--json]</c>: the stored cases of a period
/// replayed under a draft policy, read from the storage the server's settings name (what <c>POST
/// /api/policies/what-if</c> answers).</summary>
internal static class WhatIfCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, IReadOnlyList<string> args, TextWriter output, TextWriter error, IClock? clock = null)
    {
        var values = new Dictionary<string, string>();
        var json = false;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--json")
            {
                json = true;
            }
            else if (args[i] is "--policy" or "--from" or "--to" && i + 1 < args.Count)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                await error.WriteLineAsync($"policy what-if: '{args[i]}' is not a flag or has no value.{Environment.NewLine}{CommandLine.UsageText}");
                return CommandLine.Usage;
            }
        }
        if (!values.TryGetValue("--policy", out var file) || !File.Exists(file))
        {
            await error.WriteLineAsync("policy what-if: --policy FILE is required: the draft policy file, with the id of a loaded policy.");
            return CommandLine.Usage;
        }
        var read = PolicyReader.ReadFile(file);
        var errors = new List<ProblemError>(InlinePolicy.ProblemsOf(read));
        var sla = configuration.GetSection(SlaOptions.Section).Get<SlaOptions>() ?? new SlaOptions();
        var storage = (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions()).WithLocalDefault();
        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        try
        {
            var policies = PolicyCatalog.LoadDirectoryOrEmpty(sla.ResolvePoliciesPath());
            using var tables = new CaseTables(storage);
            var replay = new WhatIfReplay(tables, policies, webhooks, clock ?? SystemClock.Instance);
            var report = replay.Read(read.Policy, values.GetValueOrDefault("--from"), values.GetValueOrDefault("--to"), errors) is { } query
                ? await replay.RunAsync(query, errors, CancellationToken.None)
                : null;
            if (report is null)
            {
                await error.WriteLineAsync($"policy what-if: {file}:");
                foreach (var problem in errors)
                {
                    await error.WriteLineAsync($"  {problem}");
                }
                return CommandLine.BadInput;
            }
            foreach (var line in json ? [JsonSerializer.Serialize(report, MonitoringJsonContext.Default.WhatIfReport)] : WhatIfText.Lines(report))
            {
                await output.WriteLineAsync(line);
            }
            return CommandLine.Ok;
        }
        catch (PolicyLoadException ex)
        {
            await error.WriteLineAsync($"policy what-if: Sla:PoliciesPath: the loaded policies do not load: {ex.Message}");
            return CommandLine.BadInput;
        }
        catch (Exception ex) when (ex is StorageUnavailableException or Azure.RequestFailedException)
        {
            await error.WriteLineAsync($"policy what-if: the stored cases cannot be read: {ex.Message}");
            return CommandLine.Unavailable;
        }
    }
}
