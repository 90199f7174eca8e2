using System.Text.Json.Serialization;
using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Notices;

/// <summary>A target's change of state that a <see cref="NoticeKind.StateChanged"/> notice announces.</summary>
public sealed record NoticeChange
{
    /// <summary><c>firstResponse</c>, <c>update</c>, <c>resolution</c> or a custom target's name.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>The state left: <c>notStarted</c> for a target's first change.</summary>
    [JsonPropertyName("from")]
    public required TargetPhase From { get; init; }

    /// <summary>The state entered: <c>running</c>, <c>atRisk</c>, <c>breached</c>, <c>met</c> or <c>stopped</c>.</summary>
    [JsonPropertyName("to")]
    public required TargetPhase To { get; init; }

    /// <summary>When the run of the target's clock began (for the update cadence, the cycle's start).</summary>
    [JsonPropertyName("runStartedAt")]
    public required Instant RunStartedAt { get; init; }

    /// <summary>The run's due instant; null while an open-ended pause leaves it without one.</summary>
    [JsonPropertyName("dueAt")]
    public Instant? DueAt { get; init; }
}
