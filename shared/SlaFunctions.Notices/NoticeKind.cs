using System.Text.Json.Serialization;

namespace SlaFunctions.Notices;

/// <summary>What a notice tells a person, and so which words and colours its email uses.</summary>
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
}
