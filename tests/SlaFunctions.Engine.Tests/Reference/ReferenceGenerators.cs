using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Engine.Tests.Calendars;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>A generated case, and the same case grown later: more events after its as-of instant (replies, status
/// changes, ETAs, notes; never a severity change or workaround) judged at a second, later instant.</summary>
internal sealed record GrowingCase(CaseDescription Story, StoryEvent[] Later, Instant LaterAsOf)
{
    /// <summary>The grown case.</summary>
    public CaseDescription Grown => Story with { Events = [.. Story.Events, .. Later], AsOf = LaterAsOf };

    public override string ToString() =>
        $"{Story}{Environment.NewLine}(grown: as of {PreviewRequest.Time(LaterAsOf)}, later events {string.Join(", ", Later.Select(e => $"{PreviewRequest.Time(e.At)} {e.Kind} {e.Status}"))})";
}

/// <summary>FsCheck generators of whole policies and case histories for the reference properties: 2-3 severities with
/// random targets on random calendars (DST zones of both hemispheres, half-hour DST, fixed offsets, complements,
/// 24x7), whole-minute goals in multiples of 20, every kind of escalation rule, and histories of up to three weeks in
/// 2026 near DST changes.</summary>
internal static class ReferenceGenerators
{
    private static readonly DateTimeZone[] Zones =
    [
        TestCalendars.NewYork, TestCalendars.London, TestCalendars.LordHowe, TestCalendars.Kolkata,
        TestCalendars.FixedPlus0530, TestCalendars.EtcGmt, DateTimeZone.Utc,
    ];

    private static readonly string[] DayShapes =
    [
        "", "09:00-17:00", "09:00-17:00", "08:00-18:00", "09:00-12:00,13:00-17:00", "00:00-24:00", "07:00-23:00",
        "01:30-03:30,08:00-16:00", "00:30-05:00,09:00-17:00", "02:15-02:45,06:00-20:00",
    ];

    private static readonly string[] NightShapes = ["", "08:00-01:00", "22:00-06:00", "18:00-02:30", "20:00-24:00", "09:00-17:00"];

    private static readonly LocalDate[] DstDates =
    [
        new(2026, 3, 8), new(2026, 11, 1), new(2026, 3, 29), new(2026, 10, 25), new(2026, 4, 5), new(2026, 10, 4),
        new(2026, 1, 1), new(2026, 6, 15),
    ];

    /// <summary>A case with a grown copy of it.</summary>
    public static Gen<GrowingCase> Cases { get; } =
        from opened in OpenedAt()
        from policy in Policy(opened.InUtc().Date)
        from severity in Gen.Elements(policy.Severities.Select(s => s.Id).ToArray())
        from events in Events(policy, opened)
        from asOfMinutes in Gen.Frequency(
            (2, Gen.Choose(0, 24 * 60)), (2, Gen.Choose(0, 4 * 24 * 60)), (2, Gen.Choose(0, 22 * 24 * 60)),
            (1, Gen.Elements(events.Select(e => (int)(e.At - opened).TotalMinutes).Append(0).ToArray()).SelectMany(m => Gen.Choose(m, m + 120))))
        let asOf = opened + Duration.FromMinutes(asOfMinutes)
        from laterMinutes in Gen.Choose(1, 7 * 24 * 60)
        let laterAsOf = asOf + Duration.FromMinutes(laterMinutes)
        from later in LaterEvents(asOf, laterMinutes)
        select new GrowingCase(new CaseDescription(policy, severity, opened, [.. events.Where(e => e.At <= asOf)], asOf), later, laterAsOf);

    /// <summary>Smaller versions of a case: one event, rule or target fewer.</summary>
    public static IEnumerable<GrowingCase> Shrink(GrowingCase grown)
    {
        var story = grown.Story;
        for (var i = 0; i < story.Events.Length; i++)
        {
            yield return grown with { Story = story with { Events = [.. story.Events.Take(i), .. story.Events.Skip(i + 1)] } };
        }
        for (var i = 0; i < grown.Later.Length; i++)
        {
            yield return grown with { Later = [.. grown.Later.Take(i), .. grown.Later.Skip(i + 1)] };
        }
        var policy = story.Policy;
        foreach (var severity in policy.Severities)
        {
            var named = severity.Id == story.Severity
                || story.Events.Concat(grown.Later).Any(e => e.Severity == severity.Id)
                || policy.Severities.Any(s => s.OnWorkaround == severity.Id);
            if (!named && policy.Severities.Length > 1)
            {
                yield return grown with
                {
                    Story = story with
                    {
                        Policy = policy with
                        {
                            Severities = [.. policy.Severities.Where(s => s != severity)],
                            Rules = [.. policy.Rules.Select(r => r with { Severities = [.. r.Severities.Where(id => id != severity.Id)] })],
                        },
                    },
                };
            }
        }
        var used = policy.Calendars.Where(c => policy.Severities.Any(s => s.Targets.Any(t => t.Calendar.Name == c.Name))).ToArray();
        if (used.Length < policy.Calendars.Length)
        {
            yield return grown with { Story = story with { Policy = policy with { Calendars = used } } };
        }
        for (var c = 0; c < policy.Calendars.Length; c++)
        {
            var calendar = policy.Calendars[c];
            if (calendar.Holidays.Length > 0 || calendar.Overrides.Count > 0)
            {
                var plain = calendar with { Holidays = [], Overrides = new Dictionary<LocalDate, OpeningInterval[]>() };
                yield return grown with { Story = story with { Policy = Replace(policy, calendar, plain) } };
            }
        }
        for (var s = 0; s < policy.Severities.Length; s++)
        {
            var severity = policy.Severities[s];
            for (var t = 0; t < severity.Targets.Length; t++)
            {
                if (severity.Targets[t].BusinessDays is null && !severity.Targets[t].Calendar.IsAlwaysOpen)
                {
                    var simpler = severity with { Targets = [.. severity.Targets.Select((x, i) => i == t ? x with { Calendar = CalendarDescription.AlwaysOpen } : x)] };
                    yield return grown with { Story = story with { Policy = policy with { Severities = [.. policy.Severities.Select((x, i) => i == s ? simpler : x)] } } };
                }
            }
        }
        for (var i = 0; i < policy.Rules.Length; i++)
        {
            yield return grown with { Story = story with { Policy = policy with { Rules = [.. policy.Rules.Take(i), .. policy.Rules.Skip(i + 1)] } } };
        }
        for (var s = 0; s < policy.Severities.Length; s++)
        {
            var severity = policy.Severities[s];
            for (var t = 0; t < severity.Targets.Length; t++)
            {
                var fewer = severity with { Targets = [.. severity.Targets.Take(t), .. severity.Targets.Skip(t + 1)] };
                yield return grown with { Story = story with { Policy = policy with { Severities = [.. policy.Severities.Select((x, i) => i == s ? fewer : x)] } } };
            }
        }
    }

    // The policy with every use of one calendar replaced by another of the same name.
    private static PolicyDescription Replace(PolicyDescription policy, CalendarDescription old, CalendarDescription plain) => policy with
    {
        Calendars = [.. policy.Calendars.Select(c => c == old ? plain : c)],
        Severities = [.. policy.Severities.Select(s => s with { Targets = [.. s.Targets.Select(t => t.Calendar == old ? t with { Calendar = plain } : t)] })],
    };

    private static Gen<Instant> OpenedAt() =>
        from date in Gen.Frequency(
            (3, from dst in Gen.Elements(DstDates) from shift in Gen.Choose(-12, 3) select dst.PlusDays(shift)),
            (1, Gen.Choose(0, 364).Select(d => new LocalDate(2026, 1, 1).PlusDays(d))))
        from minute in Gen.Choose(0, (24 * 60) - 1)
        select date.AtMidnight().InUtc().ToInstant() + Duration.FromMinutes(minute);

    private static Gen<PolicyDescription> Policy(LocalDate near) =>
        from count in Gen.Choose(1, 3)
        from calendars in Gen.CollectToArray(Enumerable.Range(0, count), i => Calendar("cal" + i, near))
        from severityCount in Gen.Choose(2, 3)
        from shared in SharedSettings()
        let all = (CalendarDescription[])[.. calendars, CalendarDescription.AlwaysOpen]
        from severities in Gen.CollectToArray(Enumerable.Range(1, severityCount), i => Severity(i, severityCount, all, shared))
        let names = severities.SelectMany(s => s.Targets.Select(t => t.Name)).Distinct().ToArray()
        from ruleCount in Gen.Choose(0, 5)
        from rules in Gen.CollectToArray(Enumerable.Range(0, ruleCount), i => Rule("r" + i, names, severityCount))
        from pauseOn in Gen.Elements<CaseStatus[]>([CaseStatus.Pending], [CaseStatus.Pending, CaseStatus.OnHold])
        from rule in Gen.Elements(SeverityChangeRule.FromStart, SeverityChangeRule.Restart, SeverityChangeRule.CarryOver)
        select new PolicyDescription(calendars, severities, rules, pauseOn, rule);

    // Settings fixed per target name across the policy, so only goal and calendar differ between severities.
    private sealed record PolicyWide(int? StartAfter, Milestone[] StopOn, Milestone[] ResolutionMetBy, TargetStart NotifyStart, Milestone[] NotifyMetBy, Milestone[] ChaseMetBy);

    private static Gen<PolicyWide> SharedSettings() =>
        from startAfter in Gen.Frequency((2, Gen.Constant((int?)null)), (1, Gen.Choose(0, 12).Select(k => (int?)(k * 20))))
        from stopOn in Gen.Elements<Milestone[]>([], [], [Milestone.Eta], [Milestone.Workaround], [Milestone.Eta, Milestone.Workaround])
        from metBy in Gen.Elements<Milestone[]>([], [Milestone.Workaround])
        from notifyStart in Gen.Elements(TargetStart.Opened, TargetStart.SeverityRaised)
        from notifyMetBy in Gen.Elements<Milestone[]>([], [Milestone.InternalNote], [Milestone.InternalNote, Milestone.Solved])
        from chaseMetBy in Gen.Elements<Milestone[]>([], [Milestone.CustomerReply])
        select new PolicyWide(startAfter, stopOn, metBy, notifyStart, notifyMetBy, chaseMetBy);

    private static Gen<SeverityDescription> Severity(int id, int count, CalendarDescription[] calendars, PolicyWide shared) =>
        from onWorkaround in id < count
            ? Gen.Frequency((1, Gen.Constant((string?)null)), (2, Gen.Choose(id + 1, count).Select(i => (string?)i.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            : Gen.Constant((string?)null)
        from picks in Gen.ArrayOf(Gen.Choose(0, 2), 7)
        from targets in Gen.CollectToArray(
            new[] { TargetKind.FirstResponse, TargetKind.Update, TargetKind.Resolution, TargetKind.Custom, TargetKind.Custom, TargetKind.NextReply, TargetKind.Team }
                .Select((kind, i) => (kind, i)).Where(x => picks[x.i] > 0),
            x => Target(x.kind, x.i == 4 ? "chase" : "notify", calendars, shared))
        select new SeverityDescription(id.ToString(System.Globalization.CultureInfo.InvariantCulture), onWorkaround, targets);

    private static Gen<TargetDescription> Target(TargetKind kind, string customName, CalendarDescription[] calendars, PolicyWide shared) =>
        from calendar in Gen.Elements(calendars)
        from goal in Gen.Frequency((3, Gen.Choose(1, 30)), (1, Gen.Choose(30, 90))).Select(k => k * 20)
        from businessDays in kind is TargetKind.FirstResponse or TargetKind.Resolution or TargetKind.NextReply or TargetKind.Team && calendar.StaysWithinDays
            ? Gen.Frequency((2, Gen.Constant((int?)null)), (1, Gen.Choose(1, 3).Select(d => (int?)d)))
            : Gen.Constant((int?)null)
        select kind switch
        {
            TargetKind.FirstResponse => new TargetDescription(Engine.Contracts.Target.FirstResponseName, kind, calendar, businessDays is null ? goal : null, businessDays, null, [], TargetStart.Opened, []),
            TargetKind.Resolution => new TargetDescription(Engine.Contracts.Target.ResolutionName, kind, calendar, businessDays is null ? goal : null, businessDays, null, [], TargetStart.Opened, shared.ResolutionMetBy),
            TargetKind.Team => new TargetDescription("levelTwo", kind, calendar, businessDays is null ? goal : null, businessDays, null, [], TargetStart.Opened, [], "level-2"),
            TargetKind.NextReply => new TargetDescription(Engine.Contracts.Target.NextReplyName, kind, calendar, businessDays is null ? goal : null, businessDays, null, [], TargetStart.Opened, []),
            TargetKind.Update => new TargetDescription(Engine.Contracts.Target.UpdateName, kind, calendar, goal, null, shared.StartAfter, shared.StopOn, TargetStart.Opened, []),
            _ => customName == "chase"
                ? new TargetDescription("chase", kind, calendar, goal, null, null, [], TargetStart.Pending, shared.ChaseMetBy)
                : new TargetDescription("notify", kind, calendar, goal, null, null, [], shared.NotifyStart, shared.NotifyMetBy),
        };

    private static Gen<RuleDescription> Rule(string id, string[] targets, int severityCount) =>
        from kind in Gen.Elements(
            EscalationTriggerKind.Percent, EscalationTriggerKind.Percent, EscalationTriggerKind.Before, EscalationTriggerKind.Breach,
            EscalationTriggerKind.Breach, EscalationTriggerKind.After, EscalationTriggerKind.Elapsed, EscalationTriggerKind.SeverityEntered,
            EscalationTriggerKind.Opened)
        from target in targets.Length == 0 ? Gen.Constant("firstResponse") : Gen.Elements(targets)
        from percent in Gen.Choose(1, 30).Select(k => k * 5)
        from offset in Gen.Choose(0, 12).Select(k => k * 20)
        from every in Gen.Frequency((2, Gen.Constant((int?)null)), (1, Gen.Choose(1, 12).Select(k => (int?)(k * 20))))
        from limited in Gen.Frequency((1, Gen.Constant(Array.Empty<string>())), (1, Gen.SubListOf(Enumerable.Range(1, severityCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))).Select(l => l.ToArray())))
        let isEvent = kind is EscalationTriggerKind.SeverityEntered or EscalationTriggerKind.Opened
        select new RuleDescription(
            id,
            isEvent ? null : target,
            limited,
            kind,
            percent,
            kind is EscalationTriggerKind.Before or EscalationTriggerKind.Elapsed ? Math.Max(20, offset) : offset,
            isEvent ? null : every);

    private static Gen<CalendarDescription> Calendar(string name, LocalDate near) =>
        (from zone in Gen.Elements(Zones)
         from night in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
         from shapes in Gen.ArrayOf(Gen.Elements(night ? NightShapes : DayShapes), 7)
         from holidayShifts in Gen.ArrayOf(Gen.Choose(-3, 24), 3)
         from holidayCount in Gen.Choose(0, 3)
         from overrideShifts in Gen.ArrayOf(Gen.Choose(-3, 24), 2)
         from overrideCount in Gen.Choose(0, 2)
         from overrideShapes in Gen.ArrayOf(Gen.Elements("", "09:00-12:00", "10:00-11:30", "13:00-17:00,18:00-19:00"), 2)
         from complement in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         let weekly = Enumerable.Range(0, 7).ToDictionary(
             d => (IsoDayOfWeek)(d + 1),
             d => shapes[d].Length == 0 ? Array.Empty<OpeningInterval>() : [.. shapes[d].Split(',').Select(TestCalendars.Interval)])
         let holidays = holidayShifts.Take(holidayCount).Select(s => near.PlusDays(s)).Distinct().ToArray()
         let overrides = Enumerable.Range(0, overrideCount)
             .Select(i => (Date: near.PlusDays(overrideShifts[i]), Hours: overrideShapes[i].Length == 0 ? Array.Empty<OpeningInterval>() : overrideShapes[i].Split(',').Select(TestCalendars.Interval).ToArray()))
             .DistinctBy(o => o.Date)
             .ToDictionary(o => o.Date, o => o.Hours)
         let minutes = weekly.Values.Sum(d => d.Sum(i => i.LengthMinutes))
         where minutes >= 20 * 60 && (!complement || minutes < 6 * 24 * 60)
         where new CalendarCase(zone, weekly, holidays, overrides).KeepsBoundariesInOrder()
         select new CalendarDescription(name, zone, weekly, holidays, overrides, complement, false));

    private static Gen<StoryEvent[]> Events(PolicyDescription policy, Instant opened) =>
        from count in Gen.Choose(0, 14)
        from offsets in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(1, 3 * 24 * 60)), (2, Gen.Choose(1, 21 * 24 * 60))), count)
        from kinds in Gen.ArrayOf(Gen.Choose(0, 99), count)
        from severities in Gen.ArrayOf(Gen.Elements(policy.Severities.Select(s => s.Id).ToArray()), count)
        from groups in Gen.ArrayOf(Groups, count)
        select Story(opened, offsets, kinds, severities, groups);

    // Assignee groups: the team target's (in two spellings), another, and none.
    private static readonly Gen<string?> Groups = Gen.Elements<string?>("level-2", "Level-2", "level-1", null);

    private static StoryEvent[] Story(Instant opened, int[] offsets, int[] kinds, string[] severities, string?[] groups)
    {
        var events = new List<StoryEvent>();
        var severityMinutes = new HashSet<int>();
        for (var i = 0; i < offsets.Length; i++)
        {
            var at = opened + Duration.FromMinutes(offsets[i]);
            var kind = kinds[i];
            if (kind >= 80 && !severityMinutes.Add(offsets[i]))
            {
                continue;
            }
            events.AddRange(kind switch
            {
                < 18 => [new StoryEvent(at, StoryEventKind.AgentReply)],
                < 20 => [new StoryEvent(at, StoryEventKind.CustomerReply), new StoryEvent(at, StoryEventKind.AgentReply)],
                < 26 => [new StoryEvent(at, StoryEventKind.CustomerReply)],
                < 32 => [new StoryEvent(at, StoryEventKind.CustomerReply), new StoryEvent(at, StoryEventKind.Status, CaseStatus.Open)],
                < 42 => [new StoryEvent(at, StoryEventKind.Status, CaseStatus.Pending)],
                < 48 => [new StoryEvent(at, StoryEventKind.Status, CaseStatus.OnHold)],
                < 56 => [new StoryEvent(at, StoryEventKind.Status, CaseStatus.Open)],
                < 63 => [new StoryEvent(at, StoryEventKind.Status, CaseStatus.Solved)],
                < 66 => [new StoryEvent(at, StoryEventKind.Status, CaseStatus.Closed)],
                < 72 => [new StoryEvent(at, StoryEventKind.Eta)],
                < 75 => [new StoryEvent(at, StoryEventKind.InternalNote)],
                < 80 => [new StoryEvent(at, StoryEventKind.Group, Group: groups[i])],
                < 92 => [new StoryEvent(at, StoryEventKind.Severity, Severity: severities[i])],
                _ => [new StoryEvent(at, StoryEventKind.Workaround)],
            });
        }
        return [.. events.OrderBy(e => e.At)];
    }

    private static Gen<StoryEvent[]> LaterEvents(Instant asOf, int minutes) =>
        from count in Gen.Choose(0, 5)
        from offsets in Gen.ArrayOf(Gen.Choose(1, minutes), count)
        from kinds in Gen.ArrayOf(Gen.Choose(0, 79), count)
        from groups in Gen.ArrayOf(Groups, count)
        select Story(asOf, offsets, kinds, [], groups);
}
