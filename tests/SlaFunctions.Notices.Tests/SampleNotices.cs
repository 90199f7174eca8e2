using NodaTime;
using SlaFunctions.Notices;

namespace SlaFunctions.Notices.Tests;

/// <summary>A LumenVox Critical case, 35436, whose first response is due Mon 2026-03-09 10:00 UTC.</summary>
public static class SampleNotices
{
    public static readonly Instant Due = Instant.FromUtc(2026, 3, 9, 10, 0);

    public static Notice Warning() => Make(NoticeKind.Warning, "percent", "first-response-warning", Due - Duration.FromMinutes(15),
        new NoticeTarget { Name = "firstResponse", Promise = "First response within 1 hour, counted in support hours (Etc/GMT)", Goal = "PT1H", Calendar = "support", DueAt = Due, Remaining = Duration.FromMinutes(15) }, ["assignee", "customer"]);

    public static Notice Breach() => Make(NoticeKind.Breach, "breach", "first-response-breach", Due,
        new NoticeTarget { Name = "firstResponse", Promise = "First response within 1 hour, counted in support hours (Etc/GMT)", Goal = "PT1H", Calendar = "support", DueAt = Due, Overdue = Duration.Zero }, ["assignee", "supportManagement", "customer"]);

    public static Notice Escalation() => Make(NoticeKind.Escalation, "after", "first-response-late-2h", Due + Duration.FromMinutes(125),
        new NoticeTarget { Name = "firstResponse", Promise = "First response within 1 hour, counted in support hours (Etc/GMT)", Goal = "PT1H", Calendar = "support", DueAt = Due, Overdue = Duration.FromMinutes(125) }, ["accountManager"]);

    public static Notice Raised() => Make(NoticeKind.Escalation, "severityEntered", "critical-raised", Due - Duration.FromHours(1), null, ["onCall", "supportManagement"]);

    public static Notice Make(NoticeKind kind, string trigger, string rule, Instant at, NoticeTarget? target, string[] notify, string title = "Calls drop after 30 seconds", string url = "https://desk.acme.example/agent/tickets/35436") => new()
    {
        Id = $"acme-zendesk/35436/{target?.Name ?? rule}/{rule}/0",
        Key = $"{target?.Name ?? rule}/{rule}/0",
        Kind = kind,
        Trigger = trigger,
        Rule = rule,
        At = at,
        EmittedAt = at,
        Case = new NoticeCase
        {
            Connection = "acme-zendesk",
            ExternalId = "35436",
            Title = title,
            Url = url,
            Customer = "Acme Corp",
            Policy = "lumenvox",
            PolicyName = "LumenVox Technical Support",
            Severity = "1",
            SeverityName = "Critical",
            Assignee = "bo@vendor.example",
            Requester = "kim@acme.example",
            OpenedAt = Due - Duration.FromHours(1),
        },
        Target = target,
        Notify = notify,
    };
}
