using System.Text.Json.Serialization;
using NodaTime;

namespace SlaFunctions.Notices;

/// <summary>One escalation point come due for one case, or one target's change of state: the message the sweep puts on
/// the <c>escalations</c> queue and the sender turns into emails (or, for a state change, into outbound webhooks).
/// <see cref="NoticeJson"/> reads and writes it.</summary>
/// <remarks>Everything a template or a webhook needs travels in the notice, so the sender never reads the case to
/// render it, and an email says what the case looked like when the point came due. Version 1 is an escalation
/// notice; version 2 adds <see cref="NoticeKind.StateChanged"/> and <see cref="Change"/>. An escalation notice is
/// still written as version 1, so a build that reads only version 1 reads every notice it can send.</remarks>
public sealed record Notice
{
    /// <summary>The newest format version this type reads and writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The version an escalation notice is written as: it uses nothing version 2 added.</summary>
    public const int EscalationVersion = 1;

    /// <summary>The version a state change is written as.</summary>
    public const int StateChangeVersion = 2;

    /// <summary>The format's version: readers refuse versions they do not know.</summary>
    [JsonPropertyName("version")]
    public int Version { get; init; } = EscalationVersion;

    /// <summary>The notice's identity: <c>connection/externalId/pointKey</c>. The same point computed twice has the
    /// same id, which is what the sender's claims are keyed on.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The escalation point's key within its case (<c>target/rule/[cycle/]occurrence</c>), or the state
    /// change's (<c>state/target/runStart/phase</c>).</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>The key deliveries of this notice are recorded under within its case: <see cref="Key"/>, or the
    /// notice's id for a notice written without one.</summary>
    [JsonIgnore]
    public string PointKey => Key.Length > 0 ? Key : Id;

    /// <summary>What happened, for a person.</summary>
    [JsonPropertyName("kind")]
    public required NoticeKind Kind { get; init; }

    /// <summary>The escalation rule's trigger: percent, before, breach, after, elapsed, severityEntered or opened;
    /// empty for a state change.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The escalation rule's id; empty for a state change.</summary>
    [JsonPropertyName("rule")]
    public required string Rule { get; init; }

    /// <summary>Which firing of the rule, from 0.</summary>
    [JsonPropertyName("occurrence")]
    public int Occurrence { get; init; }

    /// <summary>When the point came due, or the target changed state.</summary>
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
    /// <c>supportManagement</c>, <c>onCall</c>) and literal addresses, as the policy wrote them; for a state change,
    /// the webhook endpoints as <c>hook:&lt;name&gt;</c>.</summary>
    [JsonPropertyName("notify")]
    public required IReadOnlyList<string> Notify { get; init; }

    /// <summary>For <see cref="NoticeKind.StateChanged"/> (version 2), the change; otherwise null.</summary>
    [JsonPropertyName("change")]
    public NoticeChange? Change { get; init; }

    /// <summary>The W3C <c>traceparent</c> of the sweep that emitted it, so the sender's span continues that trace
    /// across the queue; null when nobody traced the sweep. Optional in every version: older readers ignore it.</summary>
    [JsonPropertyName("traceParent")]
    public string? TraceParent { get; init; }

    /// <summary>When the sender sends it, once it has judged the target again at that instant; null in the message
    /// on the queue. An email tells the time left or late as of this instant, and says when it went out late.</summary>
    [JsonIgnore]
    public Instant? SentAt { get; init; }
}
