using System.Text.Json.Serialization;

namespace SlaFunctions.Notices;

/// <summary>What a notice tells, and so which words and colours its email uses, or that it is a webhook's.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoticeKind>))]
public enum NoticeKind
{
    /// <summary>A target is coming due (percent of goal, a lead before due, a threshold of open time).</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>A target's due passed unmet.</summary>
    [JsonStringEnumMemberName("breach")]
    Breach,

    /// <summary>Someone more senior is told: a lag after a breach, a case opened at or raised to a severe level.</summary>
    [JsonStringEnumMemberName("escalation")]
    Escalation,

    /// <summary>A target entered a new state (running, atRisk, breached, met, stopped): told to webhook endpoints, not
    /// to people. Version 2 of the format.</summary>
    [JsonStringEnumMemberName("stateChanged")]
    StateChanged,
}
