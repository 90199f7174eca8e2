using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>Case events at ISO instants, so that a test reads like the case's story.</summary>
internal static class CaseEvents
{
    public static CaseEvent Reply(string at) => CaseEvent.AgentReply(Parse.Instant(at));

    public static CaseEvent CustomerReply(string at) => CaseEvent.CustomerReply(Parse.Instant(at));

    public static CaseEvent Status(string at, CaseStatus status) => CaseEvent.StatusChange(Parse.Instant(at), status);

    public static CaseEvent Pending(string at) => Status(at, CaseStatus.Pending);

    public static CaseEvent Open(string at) => Status(at, CaseStatus.Open);

    public static CaseEvent Solved(string at) => Status(at, CaseStatus.Solved);

    public static CaseEvent Severity(string at, string severity) => CaseEvent.SeverityChange(Parse.Instant(at), severity);

    public static CaseEvent Workaround(string at) => new() { At = Parse.Instant(at), Type = CaseEventType.Workaround };

    public static CaseEvent Eta(string at) => new() { At = Parse.Instant(at), Type = CaseEventType.Eta };

    public static CaseEvent Group(string at, string? group) => CaseEvent.GroupChange(Parse.Instant(at), group);

    public static CaseEvent Note(string at) => new() { At = Parse.Instant(at), Type = CaseEventType.InternalNote };
}
