namespace SlaFunctions.Webhooks;

/// <summary>A link to a ticket written as a template, <c>{id}</c> standing for the ticket's id: the agents' link
/// (<c>TicketUrlTemplate</c>) and the customer's (<c>CustomerLinkTemplate</c>) of a connection.</summary>
public static class LinkTemplate
{
    /// <summary>The placeholder the ticket's id replaces.</summary>
    public const string IdPlaceholder = "{id}";

    /// <summary><paramref name="template"/> with <paramref name="externalId"/>, URL-escaped, in place of <c>{id}</c>.</summary>
    public static string Fill(string template, string externalId)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(externalId);
        return template.Replace(IdPlaceholder, Uri.EscapeDataString(externalId), StringComparison.Ordinal);
    }

    /// <summary>Whether <paramref name="template"/> holds <c>{id}</c> and, filled, is an absolute http(s) address.</summary>
    public static bool IsUsable(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return template.Contains(IdPlaceholder, StringComparison.Ordinal)
            && Uri.TryCreate(Fill(template, "1"), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }
}
