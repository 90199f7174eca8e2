using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Tests;

/// <summary>Case records as storage would hand them back, built in memory.</summary>
internal static class TestCases
{
    public static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    /// <summary>Case <paramref name="id"/> of <paramref name="policy"/>, opened at <paramref name="opened"/> at
    /// <paramref name="severity"/>, with <paramref name="events"/> as its history.</summary>
    public static CaseRecord Record(Policy policy, string id, string opened, string severity, params CaseEvent[] events) => new()
    {
        Snapshot = new CaseSnapshot { Key = new CaseKey("acme-zendesk", id), PolicyId = policy.Id, OpenedAt = At(opened), OpenedSeverity = severity },
        History = [.. events.Select((e, i) => new HistoryEntry { Event = e, DeliveryId = $"{id}-{i}", ReceivedAt = e.At })],
    };

    /// <summary>The open case row the webhook endpoint would store for <paramref name="record"/> judged at
    /// <paramref name="asOf"/>: severity, status and the targets' JSON.</summary>
    public static CaseSnapshot Row(Policy policy, CaseRecord record, string asOf, string? assignee = null)
    {
        var snapshot = record.Snapshot;
        var evaluation = CaseEvaluation.Evaluate(policy, snapshot.OpenedAt, snapshot.OpenedSeverity, record.History, At(asOf));
        return evaluation.ApplyTo(snapshot with { Assignee = assignee }, CaseEvaluation.StatusOf(record.History));
    }
}
