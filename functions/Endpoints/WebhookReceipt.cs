namespace SlaFunctions.Endpoints;

/// <summary>The answer to a webhook delivery.</summary>
public sealed record WebhookReceipt
{
    /// <summary>applied, duplicate, unchanged or ignored.</summary>
    public required string Outcome { get; init; }

    /// <summary>The case, as <c>connection/externalId</c>, when one was touched.</summary>
    public string? Case { get; init; }

    /// <summary>Why the delivery was ignored, when it was.</summary>
    public string? Detail { get; init; }
}
