using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Webhooks;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>What an admin asks when a delivery was ignored or refused: a connection's last deliveries, the values its
/// deliveries could not map, and its settings with the secrets masked.</summary>
/// <param name="tables">Where each connection's delivery log is kept.</param>
/// <param name="webhooks">The configured connections.</param>
public sealed class ConnectionDiagnostics(CaseTables tables, WebhookOptions webhooks)
{
    /// <summary><paramref name="connection"/>'s kept deliveries, newest first.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed.</exception>
    public async Task<ConnectionDeliveries> DeliveriesAsync(Connection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var deliveries = await tables.WebhookLog.ListAsync(connection.Name, cancellationToken).ConfigureAwait(false);
        return new ConnectionDeliveries
        {
            Connection = connection.Name,
            Source = connection.Source,
            Kept = WebhookDeliveryLog.Capacity,
            Deliveries = [.. deliveries.Select(d => new ConnectionDelivery
            {
                At = InstantText.Format(d.At),
                Outcome = d.Outcome,
                Status = d.Status,
                Reason = d.Reason,
                ExternalId = d.ExternalId,
            })],
        };
    }

    /// <summary>Per connection with some, the ticket values its kept deliveries could not map, sorted. A warning for
    /// health: null when the log cannot be read, rather than fail (health's storage probe judges storage).</summary>
    public async Task<Dictionary<string, IReadOnlyList<string>>?> UnmappedAsync(CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            foreach (var name in webhooks.Connections.Keys.Order(StringComparer.Ordinal))
            {
                var deliveries = await tables.WebhookLog.ListAsync(name, cancellationToken).ConfigureAwait(false);
                if (deliveries.SelectMany(d => d.Unmapped).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } values)
                {
                    found[name] = values;
                }
            }
        }
        catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException or Azure.RequestFailedException)
        {
            return null;
        }
        return found;
    }

    /// <summary>The connection's settings as <c>connection check</c> prints them, one <c>Key: value</c> per line;
    /// never a secret, nor any part of it.</summary>
    public static IEnumerable<string> Describe(ConnectionOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        yield return $"Source: {settings.Source}";
        yield return $"Policy: {settings.Policy}";
        yield return $"Customer: {settings.Customer ?? "(the connection's name)"}";
        foreach (var (customer, policy) in settings.Policies)
        {
            yield return $"Policies:{customer}: {policy}";
        }
        if (settings.TierField is not null)
        {
            yield return $"TierField: {settings.TierField}";
        }
        foreach (var (tier, policy) in settings.Tiers)
        {
            yield return $"Tiers:{tier}: {policy}";
        }
        if (settings.OrganizationField is not null)
        {
            yield return $"OrganizationField: {settings.OrganizationField}";
        }
        yield return $"Scheme: {settings.Scheme}";
        if (settings.SecretHeader is not null)
        {
            yield return $"SecretHeader: {settings.SecretHeader}";
        }
        if (settings.User is not null)
        {
            yield return $"User: {settings.User}";
        }
        for (var i = 0; i < settings.Secrets.Count; i++)
        {
            yield return $"Secrets:{i}: {Masked(settings.Secrets[i])}";
        }
        foreach (var (tool, status) in settings.Statuses)
        {
            yield return $"Statuses:{tool}: {status}";
        }
        foreach (var (tool, severity) in settings.Priorities)
        {
            yield return $"Priorities:{tool}: {severity}";
        }
        yield return $"PassUnmappedPriorities: {(settings.PassUnmappedPriorities ? "true" : "false")}";
        if (settings.SeverityLabelPrefixes.Count > 0)
        {
            yield return $"SeverityLabelPrefixes: {string.Join(", ", settings.SeverityLabelPrefixes)}";
        }
        if (settings.AgentAccounts.Count > 0)
        {
            yield return $"AgentAccounts: {string.Join(", ", settings.AgentAccounts)}";
        }
        if (settings.GroupFields.Count > 0)
        {
            yield return $"GroupFields: {string.Join(", ", settings.GroupFields)}";
        }
        if (settings.GroupLabelPrefix is not null)
        {
            yield return $"GroupLabelPrefix: {settings.GroupLabelPrefix}";
        }
        if (settings.TicketUrlTemplate is not null)
        {
            yield return $"TicketUrlTemplate: {settings.TicketUrlTemplate}";
        }
        if (settings.CustomerLinkTemplate is not null)
        {
            yield return $"CustomerLinkTemplate: {settings.CustomerLinkTemplate}";
        }
    }

    // Never the secret, nor any part of it: its length says whether it is long enough.
    private static string Masked(string secret) =>
        KeyVaultReference.IsUnresolved(secret) ? "(an unresolved Key Vault reference)"
        : string.IsNullOrEmpty(secret) ? "(empty)"
        : $"******** ({secret.Length} characters)";
}
