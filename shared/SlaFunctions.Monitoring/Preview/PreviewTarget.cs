using System.Text.Json.Serialization;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>One target in a preview response (spec: preview-api.md, Response).</summary>
public sealed record PreviewTarget
{
    /// <summary><c>firstResponse</c>, <c>update</c>, <c>resolution</c>, or the custom target's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The calendar the goal is measured on.</summary>
    [JsonPropertyName("calendar")]
    public required string Calendar { get; init; }

    /// <summary>ISO-8601: <c>PT4H</c> of open time, or <c>P2D</c> for business days.</summary>
    [JsonPropertyName("goal")]
    public required string Goal { get; init; }

    /// <summary>For a business-day goal, the number of days; otherwise null.</summary>
    [JsonPropertyName("businessDays")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? BusinessDays { get; init; }

    /// <summary>True for a goal the vendor keeps for itself, not one the contract promises (the policy's
    /// <c>internal: true</c>); left out when false.</summary>
    [JsonPropertyName("internal")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Internal { get; init; }

    /// <summary>notStarted, running, paused, met, breached or stopped.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>When the clock (for update, the current cycle) started.</summary>
    [JsonPropertyName("startedAt")]
    public string? StartedAt { get; init; }

    /// <summary>The current due instant; null when notStarted, paused or stopped.</summary>
    [JsonPropertyName("dueAt")]
    public string? DueAt { get; init; }

    /// <summary>When it was met (a late reply is still recorded, with the target breached).</summary>
    [JsonPropertyName("metAt")]
    public string? MetAt { get; init; }

    /// <summary>The missed due instant, when breached.</summary>
    [JsonPropertyName("breachedAt")]
    public string? BreachedAt { get; init; }

    /// <summary>Open time left until dueAt when running, as ISO-8601; otherwise null.</summary>
    [JsonPropertyName("remaining")]
    public string? Remaining { get; init; }

    /// <summary>For a stored case's running target: when its run is at risk (the first point of the policy's warning
    /// rules for it, as the webhooks' <c>atRisk</c>), if before due; left out otherwise.</summary>
    [JsonPropertyName("atRiskAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AtRiskAt { get; init; }

    /// <summary>When the current pause began, when paused.</summary>
    [JsonPropertyName("pausedSince")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PausedSince { get; init; }
}
