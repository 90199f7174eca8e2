using System.Globalization;

namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>A what-if report as lines of text, for the <c>policy what-if</c> command.</summary>
public static class WhatIfText
{
    /// <summary>The summary, each changed case listed, then compliance per customer and target.</summary>
    public static IEnumerable<string> Lines(WhatIfReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        yield return $"what-if {report.Policy}: {report.Cases} cases opened in [{report.From}, {report.To}), judged at {report.AsOf}";
        yield return $"flipped: {report.Flipped} cases; changed: {report.Changed} cases" + (report.Changes.Count < report.Changed ? $" (first {report.Changes.Count} listed)" : "");
        foreach (var change in report.Changes)
        {
            var verdicts = change.Verdicts.Select(v => $"{v.Target} {v.Before ?? "-"} -> {v.After ?? "-"}");
            var notices = change.NoticesAdded.Select(n => $"+{n.Rule} {n.At}").Concat(change.NoticesRemoved.Select(n => $"-{n.Rule} {n.At}"));
            yield return $"  {change.Connection}/{change.ExternalId} ({change.Customer}, opened {change.OpenedAt}): {string.Join("; ", verdicts.Concat(notices))}";
        }
        yield return "compliance (customer, target: % met before -> after):";
        foreach (var row in report.Compliance)
        {
            var change = row.PercentMetChange is { } points ? points.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "n/a";
            yield return $"  {row.Customer}, {row.Target}: {Percent(row.Before)} -> {Percent(row.After)} ({change})";
        }
    }

    private static string Percent(WhatIfTally? tally) => tally is null ? "-"
        : tally.PercentMet is { } percent ? percent.ToString("0.0", CultureInfo.InvariantCulture) + $"% of {tally.Met + tally.Breached}"
        : $"none decided of {tally.Cases}";
}
