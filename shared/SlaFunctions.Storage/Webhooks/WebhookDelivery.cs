using NodaTime;

namespace SlaFunctions.Storage.Webhooks;

/// <summary>One delivery to a connection as the webhook endpoint answered it: never its secret or its body.</summary>
public sealed record WebhookDelivery
{
    /// <summary>When it was received, by this service's clock.</summary>
    public required Instant At { get; init; }

    /// <summary>applied, duplicate, unchanged, ignored or refused.</summary>
    public required string Outcome { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public required int Status { get; init; }

    /// <summary>Why it was ignored or refused (the receipt's detail or the problems); for an applied delivery, the notes
    /// recorded on the case (e.g. an unmapped status); null when there is nothing to say.</summary>
    public string? Reason { get; init; }

    /// <summary>The ticket's id, when the delivery named one that was read.</summary>
    public string? ExternalId { get; init; }

    /// <summary>For an applied delivery, the ticket's values the connection could not map (<c>status: …</c>,
    /// <c>priority: …</c>); empty when everything mapped.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];
}
