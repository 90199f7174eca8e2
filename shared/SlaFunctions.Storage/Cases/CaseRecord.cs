namespace SlaFunctions.Storage.Cases;

/// <summary>A case as read: its row and its whole history, in stored order.</summary>
public sealed record CaseRecord
{
    /// <summary>The case row.</summary>
    public required CaseSnapshot Snapshot { get; init; }

    /// <summary>Every event, in the order stored (sort by <c>Event.At</c> for time order).</summary>
    public required IReadOnlyList<HistoryEntry> History { get; init; }

    /// <summary>The keys of the escalation points whose notices were emitted.</summary>
    public IReadOnlySet<string> Noticed { get; init; } = new HashSet<string>();

    /// <summary>The ids of the deliveries applied to the case; a second delivery with one of them changes nothing.</summary>
    public IReadOnlySet<string> Deliveries { get; init; } = new HashSet<string>();
}
