using System.Text.Json.Serialization;

namespace SlaFunctions.Endpoints;

/// <summary>The health body: the app is up, and which policies it has loaded.</summary>
public sealed record HealthReport
{
    /// <summary>Always <c>ok</c> when the app answers.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Ids of the loaded policies.</summary>
    [JsonPropertyName("policies")]
    public required IReadOnlyList<string> Policies { get; init; }
}
