using System.Text.Json.Serialization;
using NodaTime;

namespace SlaFunctions.Notices;

/// <summary>The target a notice is about, judged at the notice's instant.</summary>
public sealed record NoticeTarget
{
    /// <summary><c>firstResponse</c>, <c>update</c>, <c>resolution</c> or a custom target's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>What the contract promises, in words: "First response within 1 hour, measured in support hours
    /// (Mon-Fri 08:00-01:00 Etc/GMT)".</summary>
    [JsonPropertyName("promise")]
    public required string Promise { get; init; }

    /// <summary>The goal as ISO-8601 (<c>PT4H</c>, or <c>P2D</c> for business days).</summary>
    [JsonPropertyName("goal")]
    public required string Goal { get; init; }

    /// <summary>The calendar's id.</summary>
    [JsonPropertyName("calendar")]
    public required string Calendar { get; init; }

    /// <summary>The due instant the point is measured against.</summary>
    [JsonPropertyName("dueAt")]
    public required Instant DueAt { get; init; }

    /// <summary>Open time left until due at the notice's instant; null once due.</summary>
    [JsonPropertyName("remaining")]
    public Duration? Remaining { get; init; }

    /// <summary>Open time past due at the notice's instant; null before due.</summary>
    [JsonPropertyName("overdue")]
    public Duration? Overdue { get; init; }
}
