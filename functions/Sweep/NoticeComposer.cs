using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Notices;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Sweep;

/// <summary>Writes the notice for an escalation point of a case: the case as it stands, and the target judged at the
/// point's instant (its due, and the open time left or past).</summary>
public static class NoticeComposer
{
    /// <summary>The notice for <paramref name="point"/> on <paramref name="snapshot"/>'s case.</summary>
    public static Notice Compose(Policy policy, CaseClock clock, CaseSnapshot snapshot, string? customer, EscalationPoint point, Instant emittedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(point);
        var state = clock.StateAt(point.At);
        var target = state.Targets.FirstOrDefault(t => t.Name == point.Target);
        return new Notice
        {
            Id = NoticeId(snapshot.Key, point.Key),
            Key = point.Key,
            Kind = KindOf(point.Kind),
            Trigger = char.ToLowerInvariant(point.Kind.ToString()[0]) + point.Kind.ToString()[1..],
            Rule = point.RuleId,
            Occurrence = point.Occurrence,
            At = point.At,
            EmittedAt = emittedAt,
            Case = new NoticeCase
            {
                Connection = snapshot.Key.Connection,
                ExternalId = snapshot.Key.ExternalId,
                Title = snapshot.Title,
                Url = snapshot.Url,
                Customer = customer,
                Policy = policy.Id,
                PolicyName = policy.Name,
                Severity = state.Severity.Id,
                SeverityName = state.Severity.Name,
                Assignee = snapshot.Assignee,
                Requester = snapshot.Requester,
                OpenedAt = snapshot.OpenedAt,
            },
            Target = target is null ? null : TargetOf(target, point.At),
            Notify = [.. point.Notify.Select(r => r.ToString())],
        };
    }

    /// <summary><c>connection/externalId/pointKey</c>.</summary>
    public static string NoticeId(CaseKey key, string pointKey) => $"{key.Connection}/{key.ExternalId}/{pointKey}";

    /// <summary>What a trigger tells a person.</summary>
    public static NoticeKind KindOf(EscalationTriggerKind trigger) => trigger switch
    {
        EscalationTriggerKind.Percent or EscalationTriggerKind.Before or EscalationTriggerKind.Elapsed => NoticeKind.Warning,
        EscalationTriggerKind.Breach => NoticeKind.Breach,
        _ => NoticeKind.Escalation,
    };

    private static NoticeTarget? TargetOf(TargetStatus status, Instant at)
    {
        var due = status.DueAt ?? status.BreachedAt;
        if (due is not { } dueAt)
        {
            return null;
        }
        var calendar = status.Target.Calendar;
        return new NoticeTarget
        {
            Name = status.Name,
            Promise = PromiseWords.For(status.Target),
            Goal = status.Target.Goal.ToString(),
            Calendar = calendar.Name,
            DueAt = dueAt,
            Remaining = at < dueAt ? calendar.OpenTimeBetween(at, dueAt) : null,
            Overdue = at >= dueAt ? calendar.OpenTimeBetween(dueAt, at) : null,
        };
    }
}
