using DotLiquid;
using NodaTime;

namespace SlaFunctions.Notices.Templates;

/// <summary>The variables a template sees: every fact already in words (so the defaults need no filters), and
/// ticket text already escaped for the part being rendered. The customer's model has no <c>internal</c> object at
/// all, so no template, default or override, can show a customer the assignee, the rule, who else is told or the
/// escalation wording.</summary>
/// <remarks>Variables: <c>notice</c> (kind, status, headline, is_event), <c>case</c> (id, title, url, customer,
/// severity, policy, opened_local, opened_utc), <c>target</c> (null for an event rule: name, name_title, promise,
/// due_local, due_utc, overdue, time_left, time_late), <c>recipient</c> (zone) and, for
/// <see cref="Audience.Internal"/> only, <c>internal</c> (assignee, requester, rule, trigger, occurrence, notified
/// (a list), notified_text ("a, b and c"), escalation, goal, calendar, policy_id, severity_id, connection,
/// notice_id, at_utc, emitted_utc). <c>case.url</c> is null unless the link is an http(s) address: the ticket's link for
/// <see cref="Audience.Internal"/>, <see cref="NoticeCase.CustomerUrl"/> for <see cref="Audience.Customer"/>.</remarks>
internal static class NoticeModel
{
    /// <summary>The model for one audience; <paramref name="escape"/> is applied to every string (HTML-encoding for
    /// the HTML part, nothing for the subject and text).</summary>
    public static Hash For(Notice notice, Audience audience, DateTimeZone zone, Func<string, string> escape)
    {
        var target = notice.Target is { } t ? NoticeWording.TargetName(t.Name) : null;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["notice"] = Object(escape,
                ("kind", notice.Kind.ToString().ToLowerInvariant()),
                ("status", Status(notice.Kind)),
                ("headline", Headline(notice, audience, target)),
                ("is_event", notice.Target is null),
                ("delay_note", DelayNote(notice, zone))),
            ["case"] = Object(escape,
                ("id", NoticeWording.OneLine(notice.Case.ExternalId)),
                ("title", NoticeWording.OneLine(notice.Case.Title) is { Length: > 0 } title ? title : "(no subject)"),
                // A customer is linked to the customer-facing page only, never to the agents' ticket.
                ("url", NoticeWording.Linkable(audience == Audience.Customer ? notice.Case.CustomerUrl : notice.Case.Url)),
                ("customer", Optional(notice.Case.Customer)),
                ("severity", NoticeWording.OneLine(notice.Case.SeverityName)),
                ("policy", NoticeWording.OneLine(notice.Case.PolicyName)),
                ("opened_local", NoticeWording.InZone(notice.Case.OpenedAt, zone)),
                ("opened_utc", SecondTime(notice.Case.OpenedAt, zone))),
            ["target"] = notice.Target is { } nt && target is not null ? Target(escape, nt, target, zone) : null,
            ["recipient"] = Object(escape, ("zone", zone.Id), ("times_note", IsUtc(zone) ? "Times are shown in UTC." : $"Times are shown in {zone.Id} and in UTC.")),
        };
        if (audience == Audience.Internal)
        {
            values["internal"] = Internal(escape, notice, target);
        }
        return Hash.FromDictionary(values);
    }

    private static Hash Target(Func<string, string> escape, NoticeTarget target, string name, DateTimeZone zone) =>
        Object(escape,
            ("name", name),
            ("name_title", NoticeWording.Capitalised(name)),
            ("promise", NoticeWording.OneLine(target.Promise)),
            ("due_local", NoticeWording.InZone(target.DueAt, zone)),
            ("due_utc", SecondTime(target.DueAt, zone)),
            ("overdue", target.Overdue is not null),
            ("time_left", target.Remaining is { } left ? NoticeWording.OpenTime(left) : null),
            ("time_late", target.Overdue is { } late ? NoticeWording.OpenTime(late) : null));

    private static Hash Internal(Func<string, string> escape, Notice notice, string? target)
    {
        var notified = notice.Notify.Select(NoticeWording.Recipient).Where(r => r.Length > 0).Select(escape).ToList();
        return Object(escape,
            ("assignee", Optional(notice.Case.Assignee) ?? "unassigned"),
            ("requester", Optional(notice.Case.Requester)),
            ("rule", NoticeWording.OneLine(notice.Rule)),
            ("trigger", NoticeWording.OneLine(notice.Trigger)),
            ("occurrence", notice.Occurrence + 1),
            ("notified", notified),
            ("notified_text", NoticeWording.List(notice.Notify.Select(NoticeWording.Recipient))),
            ("escalation", notice.Kind == NoticeKind.Escalation ? Escalation(notice, target) : null),
            ("goal", notice.Target?.Goal is { } goal ? NoticeWording.Goal(goal) : null),
            ("calendar", notice.Target?.Calendar),
            ("policy_id", NoticeWording.OneLine(notice.Case.Policy)),
            ("severity_id", NoticeWording.OneLine(notice.Case.Severity)),
            ("connection", NoticeWording.OneLine(notice.Case.Connection)),
            ("notice_id", NoticeWording.OneLine(notice.Id)),
            ("at_utc", NoticeWording.InUtc(notice.At)),
            ("emitted_utc", NoticeWording.InUtc(notice.EmittedAt)));
    }

    // The UTC time under a local one, or null when the recipient's zone is UTC (the time would show twice).
    private static string? SecondTime(Instant at, DateTimeZone zone) => IsUtc(zone) ? null : NoticeWording.InUtc(at);

    private static bool IsUtc(DateTimeZone zone) =>
        zone.Id is "UTC" or "Etc/UTC" or "Etc/Universal" or "Etc/Zulu" || (zone.MinOffset == Offset.Zero && zone.MaxOffset == Offset.Zero && zone.Id.StartsWith("UTC", StringComparison.Ordinal));

    // Said when the email goes out well after its point (held for working hours, a retry, a late sweep): the times
    // left and late in it are as of sending.
    private static string? DelayNote(Notice notice, DateTimeZone zone)
    {
        if (notice.SentAt is not { } sent || sent - notice.At < Duration.FromMinutes(5))
        {
            return null;
        }
        return $"Sent {NoticeWording.InZone(sent, zone)}, {NoticeWording.Elapsed(sent - notice.At)} after it came due ({NoticeWording.InZone(notice.At, zone)}). The times above are as of sending.";
    }

    private static string Status(NoticeKind kind) => kind switch
    {
        NoticeKind.Warning => "WARNING",
        NoticeKind.Breach => "BREACHED",
        _ => "ESCALATED",
    };

    private static string Headline(Notice notice, Audience audience, string? target)
    {
        var severity = NoticeWording.OneLine(notice.Case.SeverityName);
        if (target is null || notice.Target is not { } t)
        {
            return notice.Trigger switch
            {
                "opened" => $"Case opened at {severity}",
                // A case opened at the severity enters it at its opening: it was not raised.
                "severityEntered" when notice.At == notice.Case.OpenedAt => $"Case opened at {severity}",
                "severityEntered" => $"Case raised to {severity}",
                _ => $"Case escalated at {severity}",
            };
        }
        var name = NoticeWording.Capitalised(target);
        var left = t.Remaining is { } r ? $"due in {NoticeWording.OpenTime(r)}" : "due now";
        // At the breach point itself nothing is late yet in whole minutes: say what happened instead.
        var late = t.Overdue is { } o && o >= Duration.FromMinutes(1) ? $"{NoticeWording.OpenTime(o)} late" : "target missed";
        return (notice.Kind, audience) switch
        {
            (NoticeKind.Warning, _) => $"{name} {left}",
            (NoticeKind.Breach, Audience.Customer) => $"{name} time missed",
            (NoticeKind.Escalation, Audience.Customer) => "Your case has been escalated",
            _ => $"{name} {(t.Overdue is null ? left : late)}",
        };
    }

    private static string Escalation(Notice notice, string? target)
    {
        var who = NoticeWording.List(notice.Notify.Where(n => n is not "customer").Select(NoticeWording.Recipient));
        var why = notice.Target is { } t && target is not null
            ? t.Overdue is { } late ? $"the {target} target is {NoticeWording.OpenTime(late)} past due" : $"the {target} target is at risk"
            : $"the case is at {NoticeWording.OneLine(notice.Case.SeverityName)}";
        return who.Length == 0 ? $"Escalated because {why}." : $"Escalated to {who} because {why}.";
    }

    private static string? Optional(string? text) => NoticeWording.OneLine(text) is { Length: > 0 } line ? line : null;

    private static Hash Object(Func<string, string> escape, params (string Key, object? Value)[] members)
    {
        var values = new Dictionary<string, object?>(members.Length, StringComparer.Ordinal);
        foreach (var (key, value) in members)
        {
            values[key] = value is string text ? escape(text) : value;
        }
        return Hash.FromDictionary(values);
    }
}
