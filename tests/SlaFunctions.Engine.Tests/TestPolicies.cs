using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Tests;

/// <summary>Builds policies for the clock and escalation tests directly from the engine's contract types.</summary>
internal static class TestPolicies
{
    /// <summary>Three severities on <see cref="TestCalendars.Support"/> (09:00-17:00 UTC, Mon-Fri):
    /// <c>1</c> (alias <c>urgent</c>) 1h / update 2h / 4h, <c>2</c> 2h / 4h / 8h, <c>3</c> 4h / 8h / 16h;
    /// a workaround drops 1 and 2 to 3; only <c>pending</c> pauses.</summary>
    public static Policy Standard { get; } = Policy(
        Severity("1", "3", FirstResponse("1h"), Update("2h"), Resolution("4h")) with { Aliases = ["urgent"] },
        Severity("2", "3", FirstResponse("2h"), Update("4h"), Resolution("8h")),
        Severity("3", null, FirstResponse("4h"), Update("8h"), Resolution("16h")));

    public static Policy Policy(params Severity[] severities) => new()
    {
        Id = "test",
        Name = "Test policy",
        Calendars = new Dictionary<string, BusinessCalendar>
        {
            [TestCalendars.Support.Name] = TestCalendars.Support,
            [BusinessCalendar.AlwaysOpenName] = BusinessCalendar.AlwaysOpen,
        },
        Severities = severities,
    };

    public static Severity Severity(string id, string? onWorkaround, params Target[] targets) => new()
    {
        Id = id,
        Name = $"Severity-{id}",
        Targets = targets,
        OnWorkaround = onWorkaround,
    };

    public static Target FirstResponse(string within, BusinessCalendar? calendar = null) =>
        Define(Contracts.Target.FirstResponseName, TargetKind.FirstResponse, within, calendar);

    public static Target Resolution(string within, BusinessCalendar? calendar = null) =>
        Define(Contracts.Target.ResolutionName, TargetKind.Resolution, within, calendar);

    public static Target Update(string every, BusinessCalendar? calendar = null, string? startAfter = null, params Milestone[] stopOn) =>
        Define(Contracts.Target.UpdateName, TargetKind.Update, every, calendar) with
        {
            StartAfter = startAfter is null ? null : Parse.Duration(startAfter),
            StopOn = new HashSet<Milestone>(stopOn),
        };

    public static Target NextReply(string within, BusinessCalendar? calendar = null) =>
        Define(Contracts.Target.NextReplyName, TargetKind.NextReply, within, calendar);

    public static Target Team(string name, string team, string within, BusinessCalendar? calendar = null) =>
        Define(name, TargetKind.Team, within, calendar) with { Team = team };

    public static Target Custom(string name, string within, TargetStart startOn, BusinessCalendar? calendar, params Milestone[] metBy) =>
        Define(name, TargetKind.Custom, within, calendar) with { StartOn = startOn, MetBy = new HashSet<Milestone>(metBy) };

    /// <summary>The clocks of a case opened at <paramref name="openedAt"/> with <paramref name="severity"/>.</summary>
    public static CaseClock Case(Policy policy, string severity, string openedAt, params CaseEvent[] events) =>
        new(policy, new CaseHistory(Parse.Instant(openedAt), severity, events));

    private static Target Define(string name, TargetKind kind, string within, BusinessCalendar? calendar) => new()
    {
        Name = name,
        Kind = kind,
        Calendar = calendar ?? TestCalendars.Support,
        Goal = Goal.Within(Parse.Duration(within)),
    };
}
