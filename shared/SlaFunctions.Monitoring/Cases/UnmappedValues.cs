using SlaFunctions.Engine.Clocks;
using SlaFunctions.Webhooks;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>Which of the tool's values a case keeps as unmapped (<see cref="SlaFunctions.Storage.Cases.CaseSnapshot.Unmapped"/>):
/// a delivery's unmapped status or priority replaces the case's earlier one for that field, and a delivery that maps
/// the field (a status change, a severity) clears it, so the marker goes once the admin adds the value to the map.</summary>
internal static class UnmappedValues
{
    private const string StatusField = "status";
    private const string PriorityField = "priority";

    // Long enough for any real status or priority; a cosmetic field must never make the case row too large.
    private const int MaxValue = 200;

    /// <summary>The entry for a priority that names no severity; none for a missing priority (that is no mapping gap).</summary>
    public static IEnumerable<string> Priority(string? priority) =>
        string.IsNullOrWhiteSpace(priority) ? [] : [CaseUpdate.UnmappedEntry(PriorityField, priority)];

    /// <summary>The unmapped values of one delivery: the adapter's, and its priority when the policy knows no such
    /// severity, as ingestion finds them.</summary>
    public static IReadOnlyList<string> Of(IncomingCase incoming, Engine.Contracts.Policy policy) =>
        [.. incoming.Unmapped.Concat(incoming.Priority is { } priority && policy.FindSeverity(priority) is null ? Priority(priority) : []).Distinct(StringComparer.Ordinal)];

    /// <summary>The case's unmapped values after a delivery with <paramref name="found"/> unmapped values and
    /// <paramref name="events"/>; <paramref name="opening"/> when the delivery opened the case (its severity is then set).</summary>
    public static IReadOnlyList<string> Merge(IReadOnlyList<string> kept, IReadOnlyList<string> found, IReadOnlyList<CaseEvent> events, bool opening)
    {
        var mappedStatus = events.Any(e => e.Type == CaseEventType.Status);
        var mappedPriority = opening || events.Any(e => e.Type == CaseEventType.Severity);
        var result = new List<string>();
        foreach (var field in (string[])[StatusField, PriorityField])
        {
            var fresh = found.Where(v => IsOf(v, field)).ToList();
            var mapped = field == StatusField ? mappedStatus : mappedPriority;
            result.AddRange(fresh.Count > 0 ? fresh : mapped ? [] : kept.Where(v => IsOf(v, field)));
        }
        return [.. result.Select(v => v.Length > MaxValue ? v[..MaxValue] + "…" : v).Distinct(StringComparer.Ordinal)];
    }

    private static bool IsOf(string entry, string field) => entry.StartsWith(field + ": ", StringComparison.Ordinal);
}
