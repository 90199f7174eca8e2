using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>A calendar as plain data: zone, weekly hours, holidays and overrides, or the complement of such a calendar,
/// or <c>24x7</c>. The reference reads this data; only <see cref="ToEngine"/> touches the engine's calendar type.</summary>
internal sealed record CalendarDescription(
    string Name,
    DateTimeZone Zone,
    IReadOnlyDictionary<IsoDayOfWeek, OpeningInterval[]> Weekly,
    LocalDate[] Holidays,
    IReadOnlyDictionary<LocalDate, OpeningInterval[]> Overrides,
    bool IsComplement,
    bool IsAlwaysOpen)
{
    /// <summary>The always-open calendar.</summary>
    public static CalendarDescription AlwaysOpen { get; } = new(
        BusinessCalendar.AlwaysOpenName, DateTimeZone.Utc, new Dictionary<IsoDayOfWeek, OpeningInterval[]>(), [],
        new Dictionary<LocalDate, OpeningInterval[]>(), false, true);

    /// <summary>The name of the weekly calendar a complement is written against in the policy document.</summary>
    public string BaseName => Name + "-base";

    /// <summary>True when no interval crosses midnight (business days are allowed on a weekly calendar like that).</summary>
    public bool StaysWithinDays => !IsComplement && !IsAlwaysOpen
        && Weekly.Values.Concat(Overrides.Values).All(day => day.All(i => i.EndMinute <= OpeningInterval.MinutesPerDay));

    /// <summary>The intervals that start on <paramref name="date"/>: the override, else none on a holiday, else the weekday's.</summary>
    public OpeningInterval[] IntervalsOn(LocalDate date) =>
        Overrides.TryGetValue(date, out var special) ? special
        : Holidays.Contains(date) ? []
        : Weekly.TryGetValue(date.DayOfWeek, out var hours) ? hours : [];

    /// <summary>Builds the engine's calendar from this description (engine side only).</summary>
    public BusinessCalendar ToEngine()
    {
        if (IsAlwaysOpen)
        {
            return BusinessCalendar.AlwaysOpen;
        }
        var weekly = BusinessCalendar.Weekly(
            IsComplement ? BaseName : Name,
            Zone,
            new WeeklyHours(Weekly.ToDictionary(d => d.Key, d => (IReadOnlyList<OpeningInterval>)d.Value)),
            Holidays,
            Overrides.ToDictionary(o => o.Key, o => (IReadOnlyList<OpeningInterval>)o.Value));
        return IsComplement ? weekly.Complement(Name) : weekly;
    }
}

/// <summary>One target of one severity: its kind, calendar and goal (whole minutes or business days), and the
/// settings that are the same for the target's name across the whole policy (start, stop and meet rules).</summary>
internal sealed record TargetDescription(
    string Name,
    TargetKind Kind,
    CalendarDescription Calendar,
    int? GoalMinutes,
    int? BusinessDays,
    int? StartAfterMinutes,
    Milestone[] StopOn,
    TargetStart StartOn,
    Milestone[] MetBy,
    string? Team = null)
{
    /// <summary>Builds the engine's target (engine side only).</summary>
    public Target ToEngine(BusinessCalendar calendar) => new()
    {
        Name = Name,
        Kind = Kind,
        Calendar = calendar,
        Goal = BusinessDays is { } days ? Goal.InBusinessDays(days) : Goal.Within(Duration.FromMinutes(GoalMinutes!.Value)),
        StartAfter = StartAfterMinutes is { } after ? Duration.FromMinutes(after) : null,
        StopOn = new HashSet<Milestone>(StopOn),
        StartOn = StartOn,
        MetBy = new HashSet<Milestone>(MetBy),
        Team = Team,
    };
}

/// <summary>A severity: id, the severity a workaround drops it to, and its targets in policy order.</summary>
internal sealed record SeverityDescription(string Id, string? OnWorkaround, TargetDescription[] Targets)
{
    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public TargetDescription? Find(string name) => Targets.FirstOrDefault(t => t.Name == name);
}

/// <summary>An escalation rule: a point on a target's clock (percent, before, breach, after, elapsed, optionally
/// repeating) or an event (severity entered, opened), optionally limited to some severities.</summary>
internal sealed record RuleDescription(
    string Id,
    string? Target,
    string[] Severities,
    EscalationTriggerKind Kind,
    int Percent,
    int OffsetMinutes,
    int? EveryMinutes)
{
    /// <summary>True when the rule is in force while the case has severity <paramref name="severityId"/>.</summary>
    public bool Covers(string severityId) => Severities.Length == 0 || Severities.Contains(severityId);

    /// <summary>True for an event rule (no clock).</summary>
    public bool IsEvent => Kind is EscalationTriggerKind.SeverityEntered or EscalationTriggerKind.Opened;
}

/// <summary>A whole policy as plain data.</summary>
internal sealed record PolicyDescription(
    CalendarDescription[] Calendars,
    SeverityDescription[] Severities,
    RuleDescription[] Rules,
    CaseStatus[] PauseOn,
    SeverityChangeRule OnSeverityChange)
{
    private static readonly IReadOnlyList<Recipient> Assignee = [Recipient.ForRole(RecipientRole.Assignee)];

    /// <summary>The severity with id <paramref name="id"/>.</summary>
    public SeverityDescription Severity(string id) => Severities.Single(s => s.Id == id);

    /// <summary>Position in the policy's list: lower is more severe.</summary>
    public int Rank(string id) => Array.FindIndex(Severities, s => s.Id == id);

    /// <summary>Builds the engine's policy (engine side only).</summary>
    public Policy ToEngine()
    {
        var calendars = Calendars.ToDictionary(c => c.Name, c => c.ToEngine());
        calendars[BusinessCalendar.AlwaysOpenName] = BusinessCalendar.AlwaysOpen;
        return new Policy
        {
            Id = "reference",
            Name = "Reference case",
            Calendars = calendars,
            PauseOn = new HashSet<CaseStatus>(PauseOn),
            OnSeverityChange = OnSeverityChange,
            Severities = [.. Severities.Select(s => new Severity
            {
                Id = s.Id,
                Name = "Severity-" + s.Id,
                OnWorkaround = s.OnWorkaround,
                Targets = [.. s.Targets.Select(t => t.ToEngine(calendars[t.Calendar.Name]))],
            })],
            Escalations = [.. Rules.Select(r => new EscalationRule
            {
                Id = r.Id,
                Target = r.Target,
                Severities = new HashSet<string>(r.Severities),
                At = new EscalationTrigger { Kind = r.Kind, Percent = r.Percent, Offset = Duration.FromMinutes(r.OffsetMinutes) },
                Every = r.EveryMinutes is { } every ? Duration.FromMinutes(every) : null,
                Notify = Assignee,
            })],
        };
    }
}

/// <summary>What can happen on a case, as the preview API names it.</summary>
internal enum StoryEventKind
{
    /// <summary>A public agent reply.</summary>
    AgentReply,

    /// <summary>A customer reply.</summary>
    CustomerReply,

    /// <summary>A status change.</summary>
    Status,

    /// <summary>A severity change.</summary>
    Severity,

    /// <summary>A workaround was given.</summary>
    Workaround,

    /// <summary>An ETA was given.</summary>
    Eta,

    /// <summary>An internal note.</summary>
    InternalNote,

    /// <summary>The assignee group changed.</summary>
    Group,
}

/// <summary>One event of a generated case, as plain data.</summary>
internal sealed record StoryEvent(Instant At, StoryEventKind Kind, CaseStatus? Status = null, string? Severity = null, string? Group = null)
{
    /// <summary>The engine's event (engine side only).</summary>
    public CaseEvent ToEngine() => Kind switch
    {
        StoryEventKind.AgentReply => CaseEvent.AgentReply(At),
        StoryEventKind.CustomerReply => CaseEvent.CustomerReply(At),
        StoryEventKind.Status => CaseEvent.StatusChange(At, Status!.Value),
        StoryEventKind.Severity => CaseEvent.SeverityChange(At, Severity!),
        StoryEventKind.Workaround => new CaseEvent { At = At, Type = CaseEventType.Workaround },
        StoryEventKind.Eta => new CaseEvent { At = At, Type = CaseEventType.Eta },
        StoryEventKind.Group => CaseEvent.GroupChange(At, Group),
        _ => new CaseEvent { At = At, Type = CaseEventType.InternalNote },
    };
}

/// <summary>A generated case: policy, opening, events (in time order) and the instant it is judged at; prints itself
/// as a preview API request so a failure can be replayed by hand.</summary>
internal sealed record CaseDescription(PolicyDescription Policy, string Severity, Instant OpenedAt, StoryEvent[] Events, Instant AsOf)
{
    /// <summary>The engine's clocks for this case.</summary>
    public CaseClock EngineClock() => new(Policy.ToEngine(), new CaseHistory(OpenedAt, Severity, Events.Select(e => e.ToEngine())));

    public override string ToString() => PreviewRequest.Write(this);
}
