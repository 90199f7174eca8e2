using System.Text.Json.Serialization;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>The preview response (spec: preview-api.md, Response).</summary>
public sealed record PreviewResponse
{
    /// <summary>The policy's id.</summary>
    [JsonPropertyName("policyId")]
    public required string PolicyId { get; init; }

    /// <summary>The severity id in force at asOf.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary>The instant judged at, UTC.</summary>
    [JsonPropertyName("asOf")]
    public required string AsOf { get; init; }

    /// <summary>One entry per target of the severity.</summary>
    [JsonPropertyName("targets")]
    public required IReadOnlyList<PreviewTarget> Targets { get; init; }

    /// <summary>Escalation points from opening to 30 days after asOf (at most 100), fired or to come.</summary>
    [JsonPropertyName("escalations")]
    public IReadOnlyList<PreviewEscalation> Escalations { get; init; } = [];
}
