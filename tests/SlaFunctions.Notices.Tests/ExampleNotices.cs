using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Notices.Tests;

/// <summary>A LumenVox Severity 1 case whose first response is due within the hour, at each kind of notice.</summary>
internal static class ExampleNotices
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static NoticeCase Case => new()
    {
        Connection = "zendesk-lumenvox",
        ExternalId = "48213",
        Title = "ASR engine returns empty transcripts after the 21.3 upgrade",
        Url = "https://lumenvox.zendesk.com/agent/tickets/48213",
        CustomerUrl = "https://support.lumenvox.example/requests/48213",
        Customer = "LumenVox",
        Policy = "lumenvox",
        PolicyName = "LumenVox Premium Support",
        Severity = "sev1",
        SeverityName = "Severity 1 – Critical",
        Assignee = "maria.ortiz@support.example.com",
        Requester = "it-ops@lumenvox.example",
        OpenedAt = At("2026-03-02T14:00:00Z"),
    };

    public static NoticeTarget FirstResponse => new()
    {
        Name = "firstResponse",
        Promise = "First response within 1 hour, around the clock (24x7)",
        Goal = "PT1H",
        Calendar = "always",
        DueAt = At("2026-03-02T15:00:00Z"),
    };

    /// <summary>75% of the first-response goal used: 15 minutes left.</summary>
    public static Notice Warning => Point(NoticeKind.Warning, "percent", "frt-75", "14:45", FirstResponse with { Remaining = Duration.FromMinutes(15) }, "assignee", "onCall", "customer");

    /// <summary>The due instant passed with no response.</summary>
    public static Notice Breach => Point(NoticeKind.Breach, "breach", "frt-breach", "15:00", FirstResponse with { Overdue = Duration.Zero }, "assignee", "supportManagement", "customer");

    /// <summary>Still unanswered 30 minutes after the breach: support management and the account manager are told.</summary>
    public static Notice Escalation => Point(NoticeKind.Escalation, "after", "frt-after-30m", "15:30", FirstResponse with { Overdue = Duration.FromMinutes(30) }, "supportManagement", "accountManager", "customer");

    /// <summary>An event rule: the case opened at Severity 1, so on-call is paged. No target.</summary>
    public static Notice Opened => Point(NoticeKind.Escalation, "opened", "sev1-page", "14:00", null, "onCall", "accountManager", "customer");

    /// <summary>The first response, at risk since 14:45, breached at its 15:00 due: told to the endpoint <c>ops-chat</c>.</summary>
    public static Notice Breached => new()
    {
        Version = Notice.StateChangeVersion,
        Id = "zendesk-lumenvox/48213/state/firstResponse/1772460000/breached",
        Key = "state/firstResponse/1772460000/breached",
        Kind = NoticeKind.StateChanged,
        Trigger = "",
        Rule = "",
        At = At("2026-03-02T15:00:00Z"),
        EmittedAt = At("2026-03-02T15:00:03Z"),
        Case = Case,
        Target = FirstResponse with { Overdue = Duration.Zero },
        Notify = ["hook:ops-chat"],
        Change = new NoticeChange
        {
            Target = "firstResponse",
            From = SlaFunctions.Engine.Clocks.TargetPhase.AtRisk,
            To = SlaFunctions.Engine.Clocks.TargetPhase.Breached,
            RunStartedAt = At("2026-03-02T14:00:00Z"),
            DueAt = At("2026-03-02T15:00:00Z"),
        },
    };

    /// <summary>A point on 2 March 2026 at <paramref name="time"/> UTC, emitted by the sweep three seconds later.</summary>
    private static Notice Point(NoticeKind kind, string trigger, string rule, string time, NoticeTarget? target, params string[] notify) => new()
    {
        Id = $"zendesk-lumenvox/48213/{target?.Name ?? trigger}:{rule}:0",
        Kind = kind,
        Trigger = trigger,
        Rule = rule,
        At = At($"2026-03-02T{time}:00Z"),
        EmittedAt = At($"2026-03-02T{time}:03Z"),
        Case = Case,
        Target = target,
        Notify = notify,
    };

    public static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;
}
