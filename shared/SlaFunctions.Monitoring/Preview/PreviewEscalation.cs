using System.Text.Json.Serialization;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>An escalation point in a preview: when a rule fires for the case if nothing else happens.</summary>
public sealed record PreviewEscalation
{
    /// <summary>The rule's id.</summary>
    [JsonPropertyName("rule")]
    public required string Rule { get; init; }

    /// <summary>The target whose clock it is on (the rule's id for an event rule).</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>The notice's identity within the case: target/rule/[cycle start/]occurrence.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    /// <summary>Which firing of the rule.</summary>
    [JsonPropertyName("occurrence")]
    public required int Occurrence { get; init; }

    /// <summary>When it fires, UTC.</summary>
    [JsonPropertyName("at")]
    public required string At { get; init; }

    /// <summary>percent, before, breach, after, elapsed, severityEntered or opened.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>True when it fired at or before asOf.</summary>
    [JsonPropertyName("fired")]
    public required bool Fired { get; init; }

    /// <summary>Roles and addresses told.</summary>
    [JsonPropertyName("notify")]
    public required IReadOnlyList<string> Notify { get; init; }
}
