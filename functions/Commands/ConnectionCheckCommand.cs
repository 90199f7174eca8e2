using SlaFunctions.Hosting;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Policies;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Webhooks;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Commands;

/// <summary><c>connection check NAME</c>: what an admin needs when a delivery is "ignored": the connection's settings
/// (secrets masked), every problem the start-up check finds in them, and its last deliveries with outcome, status and
/// reason, read from the log <c>GET /api/connections/{connection}/deliveries</c> reads.</summary>
internal static class ConnectionCheckCommand
{
    /// <param name="configuration">The app's settings (the same sources the server reads).</param>
    /// <param name="name">The connection, in any letter case.</param>
    /// <param name="output">Where the settings and deliveries go.</param>
    /// <param name="error">Where problems go.</param>
    /// <returns><see cref="CommandLine.Ok"/>; <see cref="CommandLine.BadInput"/> for an unknown or invalid connection;
    /// <see cref="CommandLine.Unavailable"/> when the delivery log cannot be read.</returns>
    public static async Task<int> RunAsync(IConfiguration configuration, string name, TextWriter output, TextWriter error)
    {
        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        if (!webhooks.TryFind(name, out var connection))
        {
            var known = webhooks.Connections.Keys.Order(StringComparer.Ordinal).ToList();
            await error.WriteLineAsync($"No connection is named '{name}'; configured: {(known.Count == 0 ? "none" : string.Join(", ", known))} (Webhooks:Connections:<name>).");
            return CommandLine.BadInput;
        }
        await output.WriteLineAsync($"connection {connection.Name}");
        foreach (var line in ConnectionDiagnostics.Describe(connection.Settings))
        {
            await output.WriteLineAsync($"  {line}");
        }

        var problems = Problems(configuration, webhooks, connection.Name);
        await output.WriteLineAsync(problems.Count == 0 ? "problems: none" : $"problems: {problems.Count}");
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"  {problem}");
        }

        var storage = (configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions()).WithLocalDefault();
        IReadOnlyList<WebhookDelivery> deliveries;
        try
        {
            var tables = new CaseTables(storage);
            await tables.EnsureCreatedAsync(CancellationToken.None);
            deliveries = await tables.WebhookLog.ListAsync(connection.Name, CancellationToken.None);
        }
        catch (Exception ex) when (ex is StorageUnavailableException or Azure.RequestFailedException)
        {
            await error.WriteLineAsync($"The delivery log cannot be read: {ex.Message}");
            return CommandLine.Unavailable;
        }
        await output.WriteLineAsync(deliveries.Count == 0 ? "deliveries: none kept" : $"deliveries (last {deliveries.Count}, newest first):");
        foreach (var delivery in deliveries)
        {
            await output.WriteLineAsync($"  {InstantText.Format(delivery.At)} {delivery.Outcome} {delivery.Status}"
                + (delivery.ExternalId is null ? "" : $" ticket {delivery.ExternalId}")
                + (delivery.Reason is null ? "" : $": {delivery.Reason}")
                + (delivery.Unmapped.Count == 0 ? "" : $" [unmapped: {string.Join(", ", delivery.Unmapped)}]"));
        }
        return problems.Count == 0 ? CommandLine.Ok : CommandLine.BadInput;
    }

    // The start-up check's problems that concern this connection; a policy folder that fails to load is one more.
    private static List<string> Problems(IConfiguration configuration, WebhookOptions webhooks, string name)
    {
        var sla = configuration.GetSection(SlaOptions.Section).Get<SlaOptions>() ?? new SlaOptions();
        PolicyCatalog policies;
        try
        {
            policies = PolicyCatalog.LoadDirectoryOrEmpty(sla.ResolvePoliciesPath());
        }
        catch (PolicyLoadException ex)
        {
            return [$"Sla:PoliciesPath: the policies do not load: {ex.Message}"];
        }
        var key = $"Webhooks:Connections:{name}:";
        return [.. webhooks.Problems(policies).Where(p => p.StartsWith(key, StringComparison.OrdinalIgnoreCase))];
    }
}
