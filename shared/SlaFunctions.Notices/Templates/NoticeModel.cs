using NodaTime;

namespace SlaFunctions.Notices.Templates;

/// <summary>The values a template sees: strings (empty when unknown) and a few flags. Internal values are left out of
/// the customer's set altogether, so no customer template can show them, even by mistake.</summary>
public static class NoticeModel
{
    /// <summary>The values for <paramref name="notice"/> read by <paramref name="audience"/> in <paramref name="zone"/>.</summary>
    public static IReadOnlyList<(string Name, object Value)> Values(Notice notice, Audience audience, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(zone);
        var target = notice.Target;
        var targetName = target is null ? "" : NoticeWords.TargetName(target.Name);
        var (what, headline) = (notice.Kind, target) switch
        {
            (NoticeKind.Warning, { Remaining: { } left }) => ("Warning", $"{Capital(targetName)} due in {NoticeWords.OpenTime(left)}"),
            (NoticeKind.Warning, _) => ("Warning", $"{Capital(targetName)} due soon"),
            (NoticeKind.Breach, not null) => ("Breached", $"{Capital(targetName)} target breached"),
            (NoticeKind.Escalation, { Overdue: { } late }) => ("Escalated", $"{Capital(targetName)} {NoticeWords.OpenTime(late)} overdue"),
            (NoticeKind.Escalation, not null) => ("Escalated", $"{Capital(targetName)} escalated"),
            _ => ("Escalated", notice.Trigger == "opened" ? $"Case opened at {notice.Case.SeverityName}" : $"Case raised to {notice.Case.SeverityName}"),
        };
        var values = new List<(string, object)>
        {
            ("what", what),
            ("headline", headline),
            ("is_warning", notice.Kind == NoticeKind.Warning),
            ("is_breach", notice.Kind == NoticeKind.Breach),
            ("is_escalation", notice.Kind == NoticeKind.Escalation),
            ("case_id", notice.Case.ExternalId),
            ("case_title", notice.Case.Title ?? ""),
            ("case_url", NoticeWords.SafeLink(notice.Case.Url) ?? ""),
            ("severity", notice.Case.SeverityName),
            ("severity_id", notice.Case.Severity),
            ("policy", notice.Case.PolicyName),
            ("has_target", target is not null),
            ("target", targetName),
            ("promise", target?.Promise ?? ""),
            ("due_local", target is null ? "" : NoticeWords.LocalTime(target.DueAt, zone)),
            ("due_utc", target is null ? "" : NoticeWords.UtcTime(target.DueAt)),
            ("remaining", target?.Remaining is { } r ? NoticeWords.OpenTime(r) : ""),
            ("overdue", target?.Overdue is { } o ? NoticeWords.OpenTime(o) : ""),
            ("at_local", NoticeWords.LocalTime(notice.At, zone)),
            ("at_utc", NoticeWords.UtcTime(notice.At)),
            ("opened_local", NoticeWords.LocalTime(notice.Case.OpenedAt, zone)),
            ("zone", zone.Id),
        };
        if (audience == Audience.Internal)
        {
            values.Add(("customer", notice.Case.Customer ?? ""));
            values.Add(("assignee", notice.Case.Assignee ?? ""));
            values.Add(("requester", notice.Case.Requester ?? ""));
            values.Add(("rule", notice.Rule));
            values.Add(("notified", string.Join(", ", notice.Notify)));
            values.Add(("connection", notice.Case.Connection));
        }
        return values;
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
