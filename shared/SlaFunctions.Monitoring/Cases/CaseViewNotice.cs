using System.Text.Json.Serialization;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>One notice to one recipient on a case, as the case view shows it.</summary>
public sealed record CaseViewNotice
{
    /// <summary>The escalation point's (or state change's) key within the case.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>warning, breach or escalation; statechanged for an outbound webhook.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>The target (or the event rule's id).</summary>
    [JsonPropertyName("target")]
    public string? Target { get; init; }

    /// <summary>When the point came due, UTC.</summary>
    [JsonPropertyName("at")]
    public string? At { get; init; }

    /// <summary>Who it went (or goes) to: an address, or <c>hook:&lt;name&gt;</c> for a webhook endpoint.</summary>
    [JsonPropertyName("recipient")]
    public required string Recipient { get; init; }

    /// <summary>sending, held, waiting, sent or poison.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>When it was handed to the mail system (or a webhook endpoint took it), UTC.</summary>
    [JsonPropertyName("sentAt")]
    public string? SentAt { get; init; }

    /// <summary>When a held or waiting notice is tried next, UTC.</summary>
    [JsonPropertyName("nextTryAt")]
    public string? NextTryAt { get; init; }

    /// <summary>How many sends were tried.</summary>
    [JsonPropertyName("attempts")]
    public int Attempts { get; init; }
}
