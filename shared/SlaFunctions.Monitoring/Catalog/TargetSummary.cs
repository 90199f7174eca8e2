namespace SlaFunctions.Monitoring.Catalog;

/// <summary>One target of a <see cref="SeveritySummary"/>.</summary>
/// <param name="Name">firstResponse, update, resolution or a custom name.</param>
/// <param name="Calendar">The calendar its goal is measured on.</param>
/// <param name="Goal">ISO-8601: <c>PT4H</c> of open time, or <c>P2D</c> for business days.</param>
public sealed record TargetSummary(string Name, string Calendar, string Goal);
