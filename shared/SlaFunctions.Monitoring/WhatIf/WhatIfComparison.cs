using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Escalations;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Reports;

namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>Compares one stored case judged by the loaded policy and by the draft: verdicts and notices.</summary>
public static class WhatIfComparison
{
    /// <summary>How <paramref name="after"/> (the draft) differs from <paramref name="before"/> (the loaded policy) for
    /// the same case judged at <paramref name="asOf"/>; null when it does not. Notices are the escalation points from
    /// the opening to <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentException">The case's history names a severity one of the policies lacks.</exception>
    public static WhatIfCase? Compare(ComplianceCase before, ComplianceCase after, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var was = before.StateAt(asOf);
        var now = after.StateAt(asOf);
        var verdicts = new List<WhatIfVerdict>();
        foreach (var name in was.Targets.Select(t => t.Name).Union(now.Targets.Select(t => t.Name)))
        {
            var (old, @new) = (Verdict(was, name), Verdict(now, name));
            if (old != @new)
            {
                verdicts.Add(new WhatIfVerdict { Target = name, Before = old, After = @new });
            }
        }
        var oldPoints = Points(before, was, asOf);
        var newPoints = Points(after, now, asOf);
        var added = newPoints.Where(p => !oldPoints.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        var removed = oldPoints.Where(p => !newPoints.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        if (verdicts.Count == 0 && added.Count == 0 && removed.Count == 0)
        {
            return null;
        }
        var snapshot = before.Record.Snapshot;
        return new WhatIfCase
        {
            Connection = snapshot.Key.Connection,
            ExternalId = snapshot.Key.ExternalId,
            Customer = before.Customer,
            OpenedAt = InstantText.Format(snapshot.OpenedAt),
            Verdicts = verdicts,
            NoticesAdded = added,
            NoticesRemoved = removed,
        };
    }

    /// <summary>True when a verdict went from met to breached or back.</summary>
    public static bool Flips(WhatIfCase changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return changed.Verdicts.Any(v => v.Before is "met" or "breached" && v.After is "met" or "breached");
    }

    private static string? Verdict(CaseState state, string target) => state.Targets.FirstOrDefault(t => t.Name == target)?.State switch
    {
        null => null,
        TargetState.Met => "met",
        TargetState.Breached => "breached",
        _ => "pending",
    };

    // Points sharing a key are one notice (spec: notice identity), so keys are compared.
    private static Dictionary<string, WhatIfNotice> Points(ComplianceCase judged, CaseState state, Instant asOf)
    {
        var points = new Dictionary<string, WhatIfNotice>(StringComparer.Ordinal);
        foreach (var point in judged.Clock.EscalationsBetween(state, judged.Record.Snapshot.OpenedAt - Duration.Epsilon, asOf))
        {
            points.TryAdd(point.Key, Notice(point));
        }
        return points;
    }

    private static WhatIfNotice Notice(EscalationPoint point) => new()
    {
        Key = point.Key,
        Rule = point.RuleId,
        At = InstantText.Format(point.At),
        Notify = [.. point.Notify.Select(r => r.ToString())],
    };
}
