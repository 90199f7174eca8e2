using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Notices;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>Writes the notice for an escalation point of a case: the case as it stands, and the target judged at the
/// point's instant (its due, and the open time left or past); or the notice for a target's change of state, to the
/// webhook endpoints.</summary>
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
            Case = CaseOf(policy, state, snapshot, customer),
            Target = (target?.DueAt ?? target?.BreachedAt) is { } due ? TargetOf(target!.Target, due, point.At) : null,
            Notify = [.. point.Notify.Select(r => r.ToString())],
            TraceParent = TraceParent(),
        };
    }

    /// <summary>The state-change notice for <paramref name="change"/> on <paramref name="snapshot"/>'s case, to the webhook
    /// endpoints named in <paramref name="endpoints"/>.</summary>
    public static Notice Compose(Policy policy, CaseClock clock, CaseSnapshot snapshot, string? customer, TargetChange change, IReadOnlyList<string> endpoints, Instant emittedAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(endpoints);
        return new Notice
        {
            Version = Notice.StateChangeVersion,
            Id = NoticeId(snapshot.Key, change.Key),
            Key = change.Key,
            Kind = NoticeKind.StateChanged,
            Trigger = "",
            Rule = "",
            At = change.At,
            EmittedAt = emittedAt,
            Case = CaseOf(policy, clock.StateAt(change.At), snapshot, customer),
            Target = change.DueAt is { } due ? TargetOf(change.Target, due, change.At) : null,
            Notify = [.. endpoints.Select(e => HookOptions.RecipientPrefix + e)],
            Change = new NoticeChange { Target = change.Name, From = change.From, To = change.To, RunStartedAt = change.RunStartedAt, DueAt = change.DueAt },
            TraceParent = TraceParent(),
        };
    }

    // The sweep's span, when one is recorded, as a W3C traceparent the sender continues.
    private static string? TraceParent() =>
        System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C, Recorded: true } current ? current.Id : null;

    /// <summary><c>connection/externalId/pointKey</c>.</summary>
    public static string NoticeId(CaseKey key, string pointKey) => $"{key.Connection}/{key.ExternalId}/{pointKey}";

    /// <summary>What a trigger tells a person.</summary>
    public static NoticeKind KindOf(EscalationTriggerKind trigger) => trigger switch
    {
        EscalationTriggerKind.Percent or EscalationTriggerKind.Before or EscalationTriggerKind.Elapsed => NoticeKind.Warning,
        EscalationTriggerKind.Breach => NoticeKind.Breach,
        _ => NoticeKind.Escalation,
    };

    // The case as it stands, with the severity in force at the instant judged.
    private static NoticeCase CaseOf(Policy policy, CaseState state, CaseSnapshot snapshot, string? customer) => new()
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
    };

    private static NoticeTarget TargetOf(Target target, Instant dueAt, Instant at)
    {
        var calendar = target.Calendar;
        return new NoticeTarget
        {
            Name = target.Name,
            Promise = PromiseWords.For(target),
            Goal = target.Goal.ToString(),
            Calendar = calendar.Name,
            DueAt = dueAt,
            Remaining = at < dueAt ? calendar.OpenTimeBetween(at, dueAt) : null,
            Overdue = at >= dueAt ? calendar.OpenTimeBetween(dueAt, at) : null,
        };
    }
}
