using System.Text.Json.Serialization;
using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Notices.Hooks;

/// <summary>The <c>data</c> of a state-change CloudEvent: which case, which target, from which state to which, and
/// the instants that go with it. Instants are UTC ISO-8601; absent values are left out.</summary>
public sealed record StateChangeData
{
    /// <summary>The webhook connection the case came in by.</summary>
    [JsonPropertyName("connection")]
    public required string Connection { get; init; }

    /// <summary>The ticket's id in its tool.</summary>
    [JsonPropertyName("externalId")]
    public required string ExternalId { get; init; }

    /// <summary>The ticket's subject, as the tool sent it (untrusted).</summary>
    [JsonPropertyName("title")]
    public string? Title { get; init; }

    /// <summary>A link back to the ticket.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>The customer the connection serves, if configured.</summary>
    [JsonPropertyName("customer")]
    public string? Customer { get; init; }

    /// <summary>The policy's id.</summary>
    [JsonPropertyName("policyId")]
    public required string PolicyId { get; init; }

    /// <summary>The severity's id when the change happened.</summary>
    [JsonPropertyName("severity")]
    public required string Severity { get; init; }

    /// <summary>The severity's name.</summary>
    [JsonPropertyName("severityName")]
    public required string SeverityName { get; init; }

    /// <summary><c>firstResponse</c>, <c>update</c>, <c>resolution</c> or a custom target's name.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>The promise in words, e.g. "First response within 1 hour, measured in support hours (...)".</summary>
    [JsonPropertyName("promise")]
    public string? Promise { get; init; }

    /// <summary>The state left: <c>notStarted</c>, <c>running</c>, <c>atRisk</c>, <c>breached</c> or <c>met</c>.</summary>
    [JsonPropertyName("from")]
    public required TargetPhase From { get; init; }

    /// <summary>The state entered: <c>running</c>, <c>atRisk</c>, <c>breached</c>, <c>met</c> or <c>stopped</c>.</summary>
    [JsonPropertyName("to")]
    public required TargetPhase To { get; init; }

    /// <summary>When the state was entered; the event's <c>time</c>.</summary>
    [JsonPropertyName("at")]
    public required Instant At { get; init; }

    /// <summary>When this run of the target's clock began (for the update cadence, the cycle's start).</summary>
    [JsonPropertyName("startedAt")]
    public required Instant StartedAt { get; init; }

    /// <summary>The run's due instant; absent while an open-ended pause leaves it without one.</summary>
    [JsonPropertyName("dueAt")]
    public Instant? DueAt { get; init; }

    /// <summary>The due instant that was missed, when <see cref="To"/> is breached.</summary>
    [JsonPropertyName("breachedAt")]
    public Instant? BreachedAt { get; init; }

    /// <summary>When it was met, when <see cref="To"/> is met.</summary>
    [JsonPropertyName("metAt")]
    public Instant? MetAt { get; init; }
}
