using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Notices;
using SlaFunctions.Webhooks;

namespace SlaFunctions.Monitoring.Sending;

/// <summary>The customer-facing link of a case: its connection's <c>CustomerLinkTemplate</c> with the ticket's id in
/// place of <c>{id}</c>. A customer's email links there, never to the agents' ticket URL.</summary>
public sealed class CustomerLinks(WebhookOptions webhooks)
{
    /// <summary><paramref name="notice"/> with its case's customer link set, for the customer's email; null when its
    /// connection has no template (or no longer exists).</summary>
    public Notice ForCustomer(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var link = webhooks.TryFind(notice.Case.Connection, out var connection) && connection.Settings.CustomerLinkTemplate is { Length: > 0 } template
            ? LinkTemplate.Fill(template, notice.Case.ExternalId)
            : null;
        return notice with { Case = notice.Case with { CustomerUrl = link } };
    }

    /// <summary>Every connection whose template is not an http(s) address with <c>{id}</c> in it, each naming its key.</summary>
    public static IEnumerable<string> Problems(WebhookOptions webhooks)
    {
        ArgumentNullException.ThrowIfNull(webhooks);
        return webhooks.Connections
            .Where(c => c.Value.CustomerLinkTemplate is { Length: > 0 } t && !LinkTemplate.IsUsable(t))
            .Select(c => $"{WebhookOptions.Section}:Connections:{c.Key}:CustomerLinkTemplate '{c.Value.CustomerLinkTemplate}' must be an http(s) address with {LinkTemplate.IdPlaceholder} where the ticket's id goes.");
    }
}
