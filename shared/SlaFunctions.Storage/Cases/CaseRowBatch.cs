namespace SlaFunctions.Storage.Cases;

/// <summary>Case rows read together, and the latest change stamp storage gave any of them.</summary>
/// <param name="Cases">The rows, in no particular order.</param>
/// <param name="LatestChange">The latest <c>Timestamp</c> among them (storage's clock), or null when none was read.</param>
public sealed record CaseRowBatch(IReadOnlyList<CaseSnapshot> Cases, DateTimeOffset? LatestChange);
