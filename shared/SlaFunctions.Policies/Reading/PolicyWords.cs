using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Policies.Building;

namespace SlaFunctions.Policies.Reading;

/// <summary>The fixed words of the policy format and the engine values they stand for.</summary>
public static class PolicyWords
{
    /// <summary>Day keys of <c>hours</c>.</summary>
    public static IReadOnlyDictionary<string, NodaTime.IsoDayOfWeek> Days { get; } = new Dictionary<string, NodaTime.IsoDayOfWeek>
    {
        ["mon"] = NodaTime.IsoDayOfWeek.Monday,
        ["tue"] = NodaTime.IsoDayOfWeek.Tuesday,
        ["wed"] = NodaTime.IsoDayOfWeek.Wednesday,
        ["thu"] = NodaTime.IsoDayOfWeek.Thursday,
        ["fri"] = NodaTime.IsoDayOfWeek.Friday,
        ["sat"] = NodaTime.IsoDayOfWeek.Saturday,
        ["sun"] = NodaTime.IsoDayOfWeek.Sunday,
    };

    /// <summary>Month keys of holiday rules.</summary>
    public static IReadOnlyDictionary<string, int> Months { get; } = new Dictionary<string, int>
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    /// <summary>Which weekday of the month a holiday rule names (<c>week</c>); -1 is the last.</summary>
    public static IReadOnlyDictionary<string, int> Weeks { get; } = new Dictionary<string, int>
    {
        ["first"] = 1,
        ["second"] = 2,
        ["third"] = 3,
        ["fourth"] = 4,
        ["last"] = -1,
    };

    /// <summary>Where a holiday at a weekend is observed (<c>observed</c>).</summary>
    public static IReadOnlyDictionary<string, ObservedShift> ObservedShifts { get; } = new Dictionary<string, ObservedShift>
    {
        ["none"] = ObservedShift.None,
        ["nearestWeekday"] = ObservedShift.NearestWeekday,
        ["saturdayToFriday"] = ObservedShift.SaturdayToFriday,
        ["sundayToMonday"] = ObservedShift.SundayToMonday,
        ["weekendToMonday"] = ObservedShift.WeekendToMonday,
    };

    /// <summary>Ticket statuses (<c>pauseOn</c>, status events).</summary>
    public static IReadOnlyDictionary<string, CaseStatus> Statuses { get; } = new Dictionary<string, CaseStatus>
    {
        ["open"] = CaseStatus.Open,
        ["pending"] = CaseStatus.Pending,
        ["onHold"] = CaseStatus.OnHold,
        ["solved"] = CaseStatus.Solved,
        ["closed"] = CaseStatus.Closed,
    };

    /// <summary>Milestones (<c>metBy</c>, <c>stopOn</c>).</summary>
    public static IReadOnlyDictionary<string, Milestone> Milestones { get; } = new Dictionary<string, Milestone>
    {
        ["agentReply"] = Milestone.AgentReply,
        ["customerReply"] = Milestone.CustomerReply,
        ["workaround"] = Milestone.Workaround,
        ["eta"] = Milestone.Eta,
        ["internalNote"] = Milestone.InternalNote,
        ["solved"] = Milestone.Solved,
    };

    /// <summary>Custom target starts (<c>startOn</c>).</summary>
    public static IReadOnlyDictionary<string, TargetStart> Starts { get; } = new Dictionary<string, TargetStart>
    {
        ["opened"] = TargetStart.Opened,
        ["severityRaised"] = TargetStart.SeverityRaised,
        ["pending"] = TargetStart.Pending,
    };

    /// <summary>Severity-change rules (<c>onSeverityChange</c>).</summary>
    public static IReadOnlyDictionary<string, SeverityChangeRule> SeverityChanges { get; } = new Dictionary<string, SeverityChangeRule>
    {
        ["fromStart"] = SeverityChangeRule.FromStart,
        ["restart"] = SeverityChangeRule.Restart,
        ["carryOver"] = SeverityChangeRule.CarryOver,
    };

    /// <summary>Recipient roles (<c>notify</c>).</summary>
    public static IReadOnlyDictionary<string, RecipientRole> Roles { get; } = new Dictionary<string, RecipientRole>
    {
        ["customer"] = RecipientRole.Customer,
        ["assignee"] = RecipientRole.Assignee,
        ["accountManager"] = RecipientRole.AccountManager,
        ["supportManagement"] = RecipientRole.SupportManagement,
        ["onCall"] = RecipientRole.OnCall,
    };

    /// <summary>Event triggers (<c>at.event</c>).</summary>
    public static IReadOnlyDictionary<string, EscalationTriggerKind> Events { get; } = new Dictionary<string, EscalationTriggerKind>
    {
        ["opened"] = EscalationTriggerKind.Opened,
        ["severityRaised"] = EscalationTriggerKind.SeverityEntered,
    };

    /// <summary>The standard target names and their kinds.</summary>
    public static IReadOnlyDictionary<string, TargetKind> StandardTargets { get; } = new Dictionary<string, TargetKind>
    {
        [Target.FirstResponseName] = TargetKind.FirstResponse,
        [Target.UpdateName] = TargetKind.Update,
        [Target.NextReplyName] = TargetKind.NextReply,
        [Target.ResolutionName] = TargetKind.Resolution,
    };

    /// <summary>The kind of the target written as <paramref name="name"/>: a standard one by its name, else a team target
    /// when it names a <c>team</c>, else custom.</summary>
    public static TargetKind KindOf(string name, Documents.TargetDocument target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return StandardTargets.TryGetValue(name, out var standard) ? standard
            : target.Team is not null ? TargetKind.Team
            : TargetKind.Custom;
    }

    /// <summary>"one of a, b, c" for messages.</summary>
    public static string OneOf<T>(IReadOnlyDictionary<string, T> words) => "one of " + string.Join(", ", words.Keys);
}
