namespace SlaFunctions.Storage.Cases;

/// <summary>What one delivery does to a case: events to append and the case row to write.</summary>
public sealed record CaseChange
{
    /// <summary>The new case row (its <see cref="CaseSnapshot.Version"/> is set by the store).</summary>
    public required CaseSnapshot Snapshot { get; init; }

    /// <summary>Events to append, possibly none.</summary>
    public IReadOnlyList<HistoryEntry> Append { get; init; } = [];

    /// <summary>Keys of escalation points whose notices are now emitted, marked so no sweep emits them again.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];
}
