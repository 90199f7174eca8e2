using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Policies.Documents;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Policies.Building;

/// <summary>Turns a policy document that passed every rule into the engine's <see cref="Policy"/>.</summary>
internal static class PolicyBuilder
{
    /// <param name="document">A document with no problems.</param>
    /// <param name="importedHolidays">Holidays read from each calendar's <c>holidaysFrom</c>, by calendar name.</param>
    public static Policy Build(PolicyDocument document, IReadOnlyDictionary<string, IReadOnlyList<LocalDate>> importedHolidays)
    {
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal)
        {
            [BusinessCalendar.AlwaysOpenName] = BusinessCalendar.AlwaysOpen,
        };
        foreach (var name in document.Calendars.Keys)
        {
            BuildCalendar(document, name, importedHolidays, calendars);
        }
        var severities = document.Severities.Select(s => BuildSeverity(document, s, calendars)).ToList();
        return new Policy
        {
            Id = document.Id!,
            Name = document.Name!,
            Calendars = calendars,
            PauseOn = document.PauseOn is { } pauseOn ? pauseOn.Select(s => PolicyWords.Statuses[s]).ToHashSet() : new HashSet<CaseStatus> { CaseStatus.Pending },
            OnSeverityChange = document.OnSeverityChange is { } change ? PolicyWords.SeverityChanges[change] : SeverityChangeRule.FromStart,
            Severities = severities,
            DefaultSeverity = SeverityId(document, document.DefaultSeverity),
            ChannelDefaults = document.Channels
                .Where(c => c.Value.DefaultSeverity is not null)
                .ToDictionary(c => c.Key, c => SeverityId(document, c.Value.DefaultSeverity)!, StringComparer.OrdinalIgnoreCase),
            Escalations = [.. document.Escalations.Select(e => BuildEscalation(document, e))],
        };
    }

    private static BusinessCalendar BuildCalendar(
        PolicyDocument document,
        string name,
        IReadOnlyDictionary<string, IReadOnlyList<LocalDate>> imported,
        Dictionary<string, BusinessCalendar> built)
    {
        if (built.TryGetValue(name, out var done))
        {
            return done;
        }
        var source = document.Calendars[name];
        BusinessCalendar calendar;
        if (source.ComplementOf is { } other)
        {
            calendar = BuildCalendar(document, other, imported, built).Complement(name);
        }
        else
        {
            var zone = ZoneText.TryParse(source.TimeZone, out var z) ? z : throw Unchecked(source.TimeZone);
            var hours = new WeeklyHours(source.Hours.ToDictionary(
                d => PolicyWords.Days[d.Key],
                d => (IReadOnlyList<OpeningInterval>)[.. d.Value.Select(Interval)]));
            var holidays = source.Holidays.Select(h => LocalDatePattern.Iso.Parse(h).Value)
                .Concat(imported.TryGetValue(name, out var fromFile) ? fromFile : [])
                .Concat(HolidayRules.Expand(source.HolidayRules));
            var overrides = source.Overrides.ToDictionary(
                o => LocalDatePattern.Iso.Parse(o.Key).Value,
                o => (IReadOnlyList<OpeningInterval>)[.. o.Value.Select(Interval)]);
            calendar = BusinessCalendar.Weekly(name, zone, hours, holidays, overrides);
        }
        built[name] = calendar;
        return calendar;
    }

    private static Severity BuildSeverity(PolicyDocument document, SeverityDocument source, Dictionary<string, BusinessCalendar> calendars) => new()
    {
        Id = source.Id!,
        Name = source.Name!,
        Aliases = source.Aliases,
        OnWorkaround = SeverityId(document, source.OnWorkaround),
        Targets = [.. source.Targets.Select(t => BuildTarget(t.Key, t.Value, calendars))],
    };

    private static Target BuildTarget(string name, TargetDocument source, Dictionary<string, BusinessCalendar> calendars)
    {
        var kind = PolicyWords.KindOf(name, source);
        var goal = kind == TargetKind.Update ? Goal.Within(Duration(source.Every))
            : source.BusinessDays is { } days ? Goal.InBusinessDays(days)
            : Goal.Within(Duration(source.Within));
        return new Target
        {
            Name = name,
            Kind = kind,
            Calendar = calendars[source.Calendar!],
            Goal = goal,
            StartAfter = source.StartAfter is null ? null : Duration(source.StartAfter),
            StopOn = source.StopOn.Select(m => PolicyWords.Milestones[m]).ToHashSet(),
            StartOn = source.StartOn is { } start ? PolicyWords.Starts[start] : TargetStart.Opened,
            Internal = source.Internal ?? false,
            Team = kind == TargetKind.Team ? source.Team!.Trim() : null,
            MetBy = source.MetBy.Select(m => PolicyWords.Milestones[m]).ToHashSet(),
        };
    }

    private static EscalationRule BuildEscalation(PolicyDocument document, EscalationDocument source)
    {
        var at = source.At!;
        var trigger = at switch
        {
            { Percent: { } p } => new EscalationTrigger { Kind = EscalationTriggerKind.Percent, Percent = p },
            { Before: { } b } => new EscalationTrigger { Kind = EscalationTriggerKind.Before, Offset = Duration(b) },
            { After: { } a } => new EscalationTrigger { Kind = EscalationTriggerKind.After, Offset = Duration(a) },
            { Elapsed: { } e } => new EscalationTrigger { Kind = EscalationTriggerKind.Elapsed, Offset = Duration(e) },
            { Event: { } ev } => new EscalationTrigger { Kind = PolicyWords.Events[ev] },
            _ => new EscalationTrigger { Kind = EscalationTriggerKind.Breach },
        };
        return new EscalationRule
        {
            Id = EscalationIds.For(source),
            Target = source.Target,
            Severities = source.Severities.Select(s => SeverityId(document, s)!).ToHashSet(),
            At = trigger,
            Every = source.Every is null ? null : Duration(source.Every),
            Notify = [.. source.Notify.Select(Recipient.Named)],
        };
    }

    private static string? SeverityId(PolicyDocument document, string? idOrAlias) => idOrAlias is null
        ? null
        : document.Severities.First(s => IdentityNames(s).Contains(idOrAlias, StringComparer.OrdinalIgnoreCase)).Id;

    private static IEnumerable<string> IdentityNames(SeverityDocument severity) => severity.Aliases.Prepend(severity.Id!);

    private static NodaTime.Duration Duration(string? text) =>
        DurationText.TryParse(text, out var duration) ? duration : throw Unchecked(text);

    private static OpeningInterval Interval(string text) =>
        OpeningInterval.TryParse(text, out var interval) ? interval : throw Unchecked(text);

    // The rules have passed every value the builder reads, so a value it cannot read is a bug in a rule.
    private static InvalidOperationException Unchecked(string? text) =>
        new($"'{text}' reached the policy builder unchecked; a policy rule is missing.");
}
