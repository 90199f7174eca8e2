using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>Applies a delivery to its case: maps priorities to severities, appends the events to the history,
/// re-judges the clocks and commits it all at once (or recognises a redelivery and changes nothing).</summary>
public sealed class CaseIngestion
{
    private readonly CaseTables _tables;
    private readonly HookOptions _hooks;
    private readonly IClock _clock;

    /// <summary>Uses <paramref name="tables"/> and judges clocks at <paramref name="clock"/>'s now; with
    /// <paramref name="hooks"/> naming an endpoint for a case, its target changes count towards the next check.</summary>
    public CaseIngestion(CaseTables tables, HookOptions hooks, IClock clock)
    {
        _tables = tables;
        _hooks = hooks;
        _clock = clock;
    }

    /// <summary>Commits <paramref name="incoming"/> under <paramref name="policy"/>.</summary>
    /// <exception cref="StorageUnavailableException">Storage failed; nothing was written.</exception>
    public async Task<CommitOutcome> ApplyAsync(Policy policy, IncomingCase incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(incoming);
        var store = await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var announce = _hooks.Announces(incoming.Key.Connection, policy.Id);
        return await store.CommitAsync(incoming.Key, incoming.DeliveryId, incoming.EarlierDeliveryIds, current => Decide(policy, incoming, current, now, announce), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Commits <paramref name="incoming"/>: a new case under <paramref name="contract"/>'s customer and policy;
    /// an open case under its own policy (<paramref name="policyOf"/> finds it by id), or the contract's where the
    /// delivery names another customer or tier (see <see cref="CustomerChange"/>).</summary>
    /// <exception cref="StorageUnavailableException">Storage failed; nothing was written.</exception>
    public async Task<CommitOutcome> ApplyAsync(CaseContract contract, Func<string, Policy?> policyOf, IncomingCase incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(incoming);
        var store = await _tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        return await store.CommitAsync(incoming.Key, incoming.DeliveryId, incoming.EarlierDeliveryIds,
            current => Decide(contract, policyOf, incoming, current, now, id => _hooks.Announces(incoming.Key.Connection, id)), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The change a delivery makes under <paramref name="contract"/>; pure, like the other overload.</summary>
    internal static CaseChange Decide(CaseContract contract, Func<string, Policy?> policyOf, IncomingCase incoming, CaseRecord? current, Instant now,
        Func<string, bool>? announces = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(policyOf);
        if (current is null)
        {
            return Decide(contract.Policy, incoming, null, now, announces?.Invoke(contract.Policy.Id) ?? false, contract.Choice.Customer);
        }
        var (policy, moved, note) = CustomerChange.Apply(contract, policyOf(current.Snapshot.PolicyId), current, incoming);
        return Decide(policy, incoming, moved, now, announces?.Invoke(policy.Id) ?? false, customerNote: note);
    }

    /// <summary>The change a delivery makes; pure, so the store can call it again after losing a race.</summary>
    /// <param name="policy">The policy that covers the connection.</param>
    /// <param name="incoming">What the delivery says.</param>
    /// <param name="current">The stored case, or null for a new one.</param>
    /// <param name="now">When the delivery is applied.</param>
    /// <param name="announceChanges">True when a webhook endpoint hears of the case's target changes (see
    /// <see cref="CaseEvaluation.Evaluate"/>).</param>
    /// <param name="customer">The customer a new case is for; null leaves it to the connection's.</param>
    /// <param name="customerNote">The note recording a change of customer or policy (see <see cref="CustomerChange"/>),
    /// placed at the tool's modified time of the delivery; null for none.</param>
    internal static CaseChange Decide(Policy policy, IncomingCase incoming, CaseRecord? current, Instant now, bool announceChanges = false,
        string? customer = null, string? customerNote = null)
    {
        incoming = CosmeticFields.Shorten(FutureTimes.Clamp(incoming, now));
        var appended = new List<HistoryEntry>();
        if (customerNote is not null)
        {
            appended.Add(Entry(new CaseEvent { At = incoming.UpdatedAt ?? now, Type = CaseEventType.SystemNote }, incoming, now, customerNote));
        }
        var unmapped = new List<string>(incoming.Unmapped);
        CaseSnapshot snapshot;
        var openedAt = current?.Snapshot.OpenedAt ?? incoming.OpenedAt ?? incoming.Events.Select(e => (Instant?)e.At).Min() ?? now;
        // The contract's version in force when the case opened judges it (README: Policy versions).
        policy = policy.InForceAt(openedAt);
        if (current is null)
        {
            var (severity, note) = SeverityFor(policy, incoming.Priority, incoming.Channel);
            snapshot = new CaseSnapshot { Key = incoming.Key, PolicyId = policy.Id, Customer = customer, OpenedAt = openedAt, OpenedSeverity = severity.Id };
            if (note is not null)
            {
                appended.Add(Entry(new CaseEvent { At = openedAt, Type = CaseEventType.SystemNote }, incoming, now, note));
                unmapped.AddRange(UnmappedValues.Priority(incoming.Priority));
            }
        }
        else
        {
            snapshot = current.Snapshot;
        }
        var noteAt = incoming.Events.Count > 0 ? incoming.Events.Min(e => e.At) : incoming.OpenedAt ?? now;
        appended.AddRange(incoming.Notes.Select(n => Entry(new CaseEvent { At = noteAt, Type = CaseEventType.SystemNote }, incoming, now, n)));
        foreach (var e in incoming.Events)
        {
            if (e.Type == CaseEventType.Severity)
            {
                var (severity, note) = SeverityFor(policy, e.Severity, channel: null);
                unmapped.AddRange(note is null ? [] : UnmappedValues.Priority(e.Severity));
                appended.Add(note is null
                    ? Entry(e with { Severity = severity.Id }, incoming, now, null)
                    : Entry(new CaseEvent { At = e.At, Type = CaseEventType.SystemNote }, incoming, now, $"{note} The severity was left as it was."));
                continue;
            }
            appended.Add(Entry(e, incoming, now, null));
        }
        // A delivery the tool modified before the one that last set the fields (a late retry) adds its events, which
        // sit at their own times, but leaves the newer fields alone.
        if (!(incoming.UpdatedAt < snapshot.FieldsAsOf))
        {
            snapshot = snapshot with
            {
                Title = incoming.Title ?? snapshot.Title,
                Url = incoming.Url ?? snapshot.Url,
                Assignee = incoming.Assignee ?? snapshot.Assignee,
                Requester = incoming.Requester ?? snapshot.Requester,
                Channel = incoming.Channel ?? snapshot.Channel,
                FieldsAsOf = incoming.UpdatedAt ?? snapshot.FieldsAsOf,
            };
        }
        snapshot = snapshot with { Unmapped = UnmappedValues.Merge(snapshot.Unmapped, unmapped, incoming.Events, current is null) };
        var history = (current?.History ?? []).Concat(appended).ToList();
        var evaluation = CaseEvaluation.Evaluate(policy, snapshot.OpenedAt, snapshot.OpenedSeverity, history, now, current?.Noticed ?? new HashSet<string>(), announceChanges);
        return new CaseChange { Snapshot = evaluation.ApplyTo(snapshot, CaseEvaluation.StatusOf(history)), Append = appended };
    }

    /// <summary>The severity a priority (already mapped by the connection's adapter) names among the policy's ids and aliases;
    /// failing both, the channel's or policy's default (or the last, least severe, severity) with a note saying so.</summary>
    internal static (Severity Severity, string? Note) SeverityFor(Policy policy, string? priority, string? channel)
    {
        if (priority is not null)
        {
            // The adapter already mapped the tool's priority through the connection (ConnectionMapping.Priorities).
            if (policy.FindSeverity(priority) is { } found)
            {
                return (found, null);
            }
        }
        var fallback = policy.DefaultSeverityFor(channel) ?? policy.Severities[^1];
        var why = priority is null ? "The ticket has no priority" : $"Priority '{priority}' maps to no severity of policy '{policy.Id}'";
        return (fallback, $"{why}; used severity {fallback.Id} ({fallback.Name}).");
    }

    private static HistoryEntry Entry(CaseEvent e, IncomingCase incoming, Instant now, string? note) => new()
    {
        Event = e,
        DeliveryId = incoming.DeliveryId,
        ReceivedAt = now,
        Note = note,
    };
}
