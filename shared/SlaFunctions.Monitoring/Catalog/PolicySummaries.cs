using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Policies;

namespace SlaFunctions.Monitoring.Catalog;

/// <summary>The loaded policies as <c>GET /api/policies</c> lists them.</summary>
public static class PolicySummaries
{
    /// <summary>One summary per policy in <paramref name="policies"/>, in the catalog's order.</summary>
    public static IReadOnlyList<PolicySummary> Of(PolicyCatalog policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return [.. policies.All.Select(p => new PolicySummary
        {
            Id = p.Id,
            Name = p.Name,
            PauseOn = [.. p.PauseOn.Select(PreviewWords.Status).Order(StringComparer.Ordinal)],
            Calendars = [.. p.Calendars.Keys.Order(StringComparer.Ordinal)],
            Severities = [.. p.Severities.Select(s => new SeveritySummary
            {
                Id = s.Id,
                Name = s.Name,
                Aliases = s.Aliases,
                Targets = [.. s.Targets.Select(t => new TargetSummary(t.Name, t.Calendar.Name, t.Goal.ToString()))],
            })],
        })];
    }
}
