using System.Text.Json.Serialization;

namespace SlaFunctions.Endpoints;

/// <summary>The health body: whether the app can do its work, which policies it has loaded, and how each dependency
/// it needs answered.</summary>
public sealed record HealthReport
{
    /// <summary><c>ok</c>, or <c>unavailable</c> when a dependency is failing (answered with 503).</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Ids of the loaded policies.</summary>
    [JsonPropertyName("policies")]
    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>Each dependency's answer.</summary>
    [JsonPropertyName("dependencies")]
    public required HealthDependencies Dependencies { get; init; }

    /// <summary>A warning, never an outage: per connection, the ticket values (<c>status: …</c>, <c>priority: …</c>)
    /// its recent deliveries (the ones <c>/api/connections/{connection}/deliveries</c> keeps) could not map. Only
    /// connections with some are listed; empty when storage is failing.</summary>
    [JsonPropertyName("unmapped")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Unmapped { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>The dependencies a health check probes.</summary>
public sealed record HealthDependencies
{
    /// <summary>Table Storage, which holds every case: without it every webhook gets 503.</summary>
    [JsonPropertyName("storage")]
    public required HealthDependency Storage { get; init; }
}

/// <summary>How one dependency answered a probe.</summary>
public sealed record HealthDependency
{
    /// <summary><c>ok</c> or <c>failing</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>Why it is failing, for the person reading it; null when ok.</summary>
    [JsonPropertyName("detail")]
    public string? Detail { get; init; }
}
