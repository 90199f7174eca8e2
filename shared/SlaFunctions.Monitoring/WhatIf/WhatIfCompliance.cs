using NodaTime;
using SlaFunctions.Monitoring.Reports;

namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>Compliance per customer and target before and after, from the compliance report's own rows.</summary>
public static class WhatIfCompliance
{
    /// <summary>One row per customer and target either policy has, judged at <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<WhatIfRow> Rows(IReadOnlyList<ComplianceCase> before, IReadOnlyList<ComplianceCase> after, Instant asOf)
    {
        var was = ComplianceCalculator.Rows(before, ComplianceGrouping.Customer, asOf).ToDictionary(r => (r.Group, r.Target));
        var now = ComplianceCalculator.Rows(after, ComplianceGrouping.Customer, asOf);
        // The draft's rows in its order, then the loaded policy's rows the draft no longer has.
        var keys = now.Select(r => (r.Group, r.Target)).Concat(was.Keys).Distinct().ToList();
        var byKey = now.ToDictionary(r => (r.Group, r.Target));
        return [.. keys.OrderBy(k => k.Group, StringComparer.Ordinal).Select(k =>
        {
            var old = was.TryGetValue(k, out var b) ? Tally(b) : null;
            var @new = byKey.TryGetValue(k, out var a) ? Tally(a) : null;
            return new WhatIfRow
            {
                Customer = k.Group,
                Target = k.Target,
                Before = old,
                After = @new,
                PercentMetChange = old?.PercentMet is { } x && @new?.PercentMet is { } y ? Math.Round(y - x, 1) : null,
            };
        })];
    }

    private static WhatIfTally Tally(ComplianceRow row) => new()
    {
        Cases = row.Cases,
        Met = row.Met,
        Breached = row.Breached,
        Pending = row.Pending,
        PercentMet = row.PercentMet,
    };
}
