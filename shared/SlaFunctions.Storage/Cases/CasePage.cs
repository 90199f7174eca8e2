namespace SlaFunctions.Storage.Cases;

/// <summary>One page of a case listing.</summary>
/// <param name="Cases">The cases on this page.</param>
/// <param name="Continuation">Pass back to get the next page; null on the last.</param>
public sealed record CasePage(IReadOnlyList<CaseSnapshot> Cases, string? Continuation);
