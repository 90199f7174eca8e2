using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks;

/// <summary>One ticket tool's webhooks: how its deliveries are signed, and how a delivery becomes a <see cref="CaseUpdate"/>.</summary>
/// <remarks>The endpoint calls <see cref="Signature"/> first, on the raw request, and answers 401 when it fails; it may
/// then store the raw delivery and call <see cref="Parse"/> later, from a queue. Implementations are stateless and
/// safe to share between threads.</remarks>
public interface IWebhookAdapter
{
    /// <summary>The source kind in the route and the connection settings, e.g. <c>zendesk</c>; lowercase.</summary>
    string Kind { get; }

    /// <summary>The signature scheme this tool's deliveries carry.</summary>
    ISignatureScheme Signature { get; }

    /// <summary>Reads <paramref name="request"/>: an update, an event the SLA does not track, or the problems that
    /// reject it. Never throws for bad input.</summary>
    WebhookParseResult Parse(WebhookRequest request, ConnectionMapping mapping);
}
