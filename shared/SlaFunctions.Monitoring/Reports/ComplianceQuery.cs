using NodaTime;

namespace SlaFunctions.Monitoring.Reports;

/// <summary>A checked request for a compliance report.</summary>
/// <param name="From">The window's start, inclusive.</param>
/// <param name="To">The window's end, exclusive; after <paramref name="From"/>.</param>
/// <param name="Policy">Only cases of this loaded policy, or null for all.</param>
/// <param name="Grouping">How rows are grouped.</param>
public sealed record ComplianceQuery(Instant From, Instant To, string? Policy, ComplianceGrouping Grouping);
