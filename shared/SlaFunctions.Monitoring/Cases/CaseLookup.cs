namespace SlaFunctions.Monitoring.Cases;

/// <summary>What looking a case up found: <see cref="View"/> when <see cref="Outcome"/> is
/// <see cref="CaseLookupOutcome.Found"/>.</summary>
/// <param name="Outcome">Found, no such case, or its policy is not loaded.</param>
/// <param name="Connection">The connection's name as configured (the URL's may differ in letter case).</param>
/// <param name="PolicyId">The case's policy, or null when there is no such case.</param>
/// <param name="View">The case judged now, or null unless found.</param>
public sealed record CaseLookup(CaseLookupOutcome Outcome, string Connection, string? PolicyId = null, CaseView? View = null);
