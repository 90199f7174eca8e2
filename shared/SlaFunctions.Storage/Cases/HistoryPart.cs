namespace SlaFunctions.Storage.Cases;

/// <summary>A stretch of a case's history as stored in one row: events in order, the notice marks and the delivery ids
/// written with them. A case row holds the latest stretch; archive rows hold the earlier ones.</summary>
internal sealed record HistoryPart(IReadOnlyList<HistoryEntry> Events, IReadOnlyList<string> Noticed, IReadOnlyList<string> Deliveries)
{
    /// <summary>No events, marks or deliveries.</summary>
    public static readonly HistoryPart Empty = new([], [], []);

    /// <summary>True when the part holds nothing.</summary>
    public bool IsEmpty => Events.Count == 0 && Noticed.Count == 0 && Deliveries.Count == 0;

    /// <summary>This part followed by <paramref name="next"/>.</summary>
    public HistoryPart Then(HistoryPart next) => Join([this, next]);

    /// <summary>The parts one after another, in order.</summary>
    public static HistoryPart Join(IReadOnlyList<HistoryPart> parts) =>
        new([.. parts.SelectMany(p => p.Events)], [.. parts.SelectMany(p => p.Noticed)], [.. parts.SelectMany(p => p.Deliveries)]);
}
