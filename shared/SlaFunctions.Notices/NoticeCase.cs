using System.Text.Json.Serialization;
using NodaTime;

namespace SlaFunctions.Notices;

/// <summary>The case a notice is about.</summary>
public sealed record NoticeCase
{
    /// <summary>The webhook connection the case came in by.</summary>
    [JsonPropertyName("connection")]
    public required string Connection { get; init; }

    /// <summary>The ticket's id in its tool.</summary>
    [JsonPropertyName("externalId")]
    public required string ExternalId { get; init; }

    /// <summary>The ticket's subject, as the tool sent it (untrusted: escape it).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>A link back to the ticket.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The link the customer's email gives to the case (the connection's customer link with the ticket's id
    /// in it); null for none. Set by the sender at sending, never on the queue: <see cref="Url"/> is the agents'
    /// view, which a customer's email never shows.</summary>
    [JsonIgnore]
    public string? CustomerUrl { get; init; }

    /// <summary>The customer the connection serves, if configured.</summary>
    [JsonPropertyName("customer")]
    public string? Customer { get; init; }

    /// <summary>The policy's id.</summary>
    [JsonPropertyName("policy")]
    public required string Policy { get; init; }

    /// <summary>The policy's name, as a person reads it.</summary>
    [JsonPropertyName("policyName")]
    public required string PolicyName { get; init; }

    /// <summary>The severity's id now.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary>The severity's name now.</summary>
    [JsonPropertyName("severityName")]
    public required string SeverityName { get; init; }

    /// <summary>The assignee's address or name.</summary>
    [JsonPropertyName("assignee")]
    public string? Assignee { get; init; }

    /// <summary>The customer contact's address or name.</summary>
    [JsonPropertyName("requester")]
    public string? Requester { get; init; }

    /// <summary>When the case opened.</summary>
    [JsonPropertyName("openedAt")]
    public required Instant OpenedAt { get; init; }
}
