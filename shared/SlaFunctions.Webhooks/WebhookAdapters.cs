using NodaTime;
using SlaFunctions.Webhooks.CloudEvents;
using SlaFunctions.Webhooks.Freshdesk;
using SlaFunctions.Webhooks.GitHub;
using SlaFunctions.Webhooks.Jira;
using SlaFunctions.Webhooks.ServiceNow;
using SlaFunctions.Webhooks.Zendesk;

namespace SlaFunctions.Webhooks;

/// <summary>Every adapter, by source kind: <c>zendesk</c>, <c>jira</c>, <c>servicenow</c>, <c>freshdesk</c>,
/// <c>github</c> and <c>cloudevents</c>. Register one instance; it is safe to share between threads.</summary>
public sealed class WebhookAdapters
{
    private readonly Dictionary<string, IWebhookAdapter> _byKind;

    /// <summary>Creates the adapters; <paramref name="clock"/> is "now" for the signatures' replay windows.</summary>
    public WebhookAdapters(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        IWebhookAdapter[] all =
        [
            new ZendeskAdapter(clock),
            new JiraAdapter(clock),
            new ServiceNowAdapter(clock),
            new FreshdeskAdapter(),
            new GitHubAdapter(),
            new CloudEventsAdapter(clock),
        ];
        _byKind = all.ToDictionary(a => a.Kind, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The source kinds, lowercase.</summary>
    public IEnumerable<string> Kinds => _byKind.Keys;

    /// <summary>The adapter for <paramref name="kind"/> (case-insensitive), or null when there is none (answer 404).</summary>
    public IWebhookAdapter? Find(string kind) => _byKind.GetValueOrDefault(kind);
}
