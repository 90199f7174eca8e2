using System.Text.Json.Serialization;
using NodaTime;

namespace SlaFunctions.Notices;

/// <summary>One escalation point come due for one case: the message the sweep puts on the <c>escalations</c> queue
/// and the sender turns into emails. Version 1 of the format; <see cref="NoticeJson"/> reads and writes it.</summary>
/// <remarks>Everything a template needs travels in the notice, so the sender never reads the case to render it, and
/// an email says what the case looked like when the point came due.</remarks>
public sealed record Notice
{
    /// <summary>The format version this type reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The format's version: readers refuse versions they do not know.</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; } = CurrentVersion;

    /// <summary>The notice's identity: <c>connection/externalId/pointKey</c>. The same point computed twice has the
    /// same id, which is what the sender's claims are keyed on.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The escalation point's key within its case (<c>target/rule/[cycle/]occurrence</c>).</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>The key deliveries of this notice are recorded under within its case: <see cref="Key"/>, or the
    /// notice's id for a notice written without one.</summary>
    [JsonIgnore]
    public string PointKey => Key.Length > 0 ? Key : Id;

    /// <summary>What happened, for a person.</summary>
    [JsonPropertyName("kind")]
    public required NoticeKind Kind { get; init; }

    /// <summary>The escalation rule's trigger: percent, before, breach, after, elapsed, severityEntered or opened.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The escalation rule's id.</summary>
    [JsonPropertyName("rule")]
    public required string Rule { get; init; }

    /// <summary>Which firing of the rule, from 0.</summary>
    [JsonPropertyName("occurrence")]
    public int Occurrence { get; init; }

    /// <summary>When the point came due.</summary>
    [JsonPropertyName("at")]
    public required Instant At { get; init; }

    /// <summary>When the sweep emitted the notice.</summary>
    [JsonPropertyName("emittedAt")]
    public required Instant EmittedAt { get; init; }

    /// <summary>The case, as it was when the point came due.</summary>
    [JsonPropertyName("case")]
    public required NoticeCase Case { get; init; }

    /// <summary>The target whose clock the point is on; null for an event rule (opened, severityEntered).</summary>
    [JsonPropertyName("target")]
    public NoticeTarget? Target { get; init; }

    /// <summary>Who is told: roles (<c>customer</c>, <c>assignee</c>, <c>accountManager</c>,
    /// <c>supportManagement</c>, <c>onCall</c>) and literal addresses, as the policy wrote them.</summary>
    [JsonPropertyName("notify")]
    public required IReadOnlyList<string> Notify { get; init; }
}
