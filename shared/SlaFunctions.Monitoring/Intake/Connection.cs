using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>One ticket-tool integration as the app uses it: built once from its validated
/// <see cref="ConnectionOptions"/>, and the one place the webhook endpoint, the adapters, ingestion, the sweep, the
/// board and <c>connection check</c> read a connection's settings from.</summary>
public sealed class Connection
{
    private Connection(string name, ConnectionOptions settings)
    {
        Name = name;
        Settings = settings;
        var secrets = settings.Secrets.Where(s => !string.IsNullOrWhiteSpace(s)).ToList();
        Secrets = new WebhookSecrets(secrets[0], secrets.Count > 1 ? secrets[1] : null);
        Mapping = new ConnectionMapping
        {
            Statuses = settings.Statuses.ToDictionary(s => s.Key, s => Enum.Parse<CaseStatus>(s.Value, ignoreCase: true), StringComparer.OrdinalIgnoreCase),
            Priorities = new Dictionary<string, string>(settings.Priorities, StringComparer.OrdinalIgnoreCase),
            PassUnmappedPriorities = settings.PassUnmappedPriorities,
            SeverityLabelPrefixes = settings.SeverityLabelPrefixes.Count > 0 ? [.. settings.SeverityLabelPrefixes] : ConnectionMapping.Default.SeverityLabelPrefixes,
            GroupFields = settings.GroupFields.Count > 0 ? [.. settings.GroupFields.Select(f => f.Trim())] : ConnectionMapping.Default.GroupFields,
            GroupLabelPrefix = settings.GroupLabelPrefix ?? ConnectionMapping.Default.GroupLabelPrefix,
            AgentAccounts = new HashSet<string>(settings.AgentAccounts.Select(a => a.Trim()), StringComparer.OrdinalIgnoreCase),
            TicketUrlTemplate = string.IsNullOrWhiteSpace(settings.TicketUrlTemplate) ? null : settings.TicketUrlTemplate.Trim(),
            TierField = string.IsNullOrWhiteSpace(settings.TierField) ? null : settings.TierField.Trim(),
            OrganizationField = string.IsNullOrWhiteSpace(settings.OrganizationField) ? null : settings.OrganizationField.Trim(),
        };
        Customers = new CustomerPolicies(name, settings);
    }

    /// <summary>The name as configured, which case keys keep.</summary>
    public string Name { get; }

    /// <summary>The settings as bound from <c>Webhooks:Connections:&lt;name&gt;</c>.</summary>
    public ConnectionOptions Settings { get; }

    /// <summary>The tool (zendesk, jira, servicenow, freshdesk, github or cloudevents).</summary>
    public string Source => Settings.Source;

    /// <summary>The id of the policy that covers the connection's customers unless <see cref="Customers"/> places them.</summary>
    public string Policy => Settings.Policy;

    /// <summary>Which policy covers which customer.</summary>
    public CustomerPolicies Customers { get; }

    /// <summary>The configured customer name, or null when none is set.</summary>
    public string? Customer => string.IsNullOrWhiteSpace(Settings.Customer) ? null : Settings.Customer;

    /// <summary>The current and (while rotating) previous secret.</summary>
    public WebhookSecrets Secrets { get; }

    /// <summary>How the tool's words map to ours, handed to the adapter.</summary>
    public ConnectionMapping Mapping { get; }

    /// <summary>The check this connection's deliveries must pass: the adapter's own signature unless
    /// <see cref="ConnectionOptions.Scheme"/> names a weaker one.</summary>
    public ISignatureScheme SchemeFor(IWebhookAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        return ConnectionSchemes.For(Settings, adapter.Signature);
    }

    /// <summary>Builds the connection; <paramref name="settings"/> must have passed <see cref="WebhookOptions.Problems"/>.</summary>
    internal static Connection From(string name, ConnectionOptions settings) => new(name, settings);
}
