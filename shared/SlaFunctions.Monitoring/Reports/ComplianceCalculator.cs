using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Monitoring.Reports;

/// <summary>Counts met and breached targets and measures times to first response and resolution in open time.</summary>
/// <remarks>
/// Each case is judged at <c>asOf</c> from its whole history under its policy, as the read API judges it. A target is
/// <b>met</b> when met on time, <b>breached</b> when its due passed first (a late reply is a breach), and otherwise
/// <b>pending</b>. Time to first response is the open time of the target's calendar from the clock's start to the
/// first response; time to resolution is the same to the resolution, less the open time the case spent in a status
/// that pauses the policy's clocks (<c>pauseOn</c>) or solved before a reopening. Medians and 90th percentiles are
/// nearest-rank: the smallest time with at least half (90 %) of the times at or below it.
/// </remarks>
public static class ComplianceCalculator
{
    /// <summary>The report's rows for <paramref name="cases"/> judged at <paramref name="asOf"/>.</summary>
    public static IReadOnlyList<ComplianceRow> Rows(IEnumerable<ComplianceCase> cases, ComplianceGrouping groupBy, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var tallies = new Dictionary<(string Policy, string Group, string Target), Tally>();
        foreach (var counted in cases)
        {
            var (policy, record, customer) = counted;
            var snapshot = record.Snapshot;
            var events = counted.Events;
            var state = counted.StateAt(asOf);
            var group = groupBy switch
            {
                ComplianceGrouping.Severity => state.Severity.Id,
                ComplianceGrouping.Customer => customer,
                _ => "",
            };
            foreach (var target in state.Targets)
            {
                var key = (policy.Id, group, target.Name);
                if (!tallies.TryGetValue(key, out var tally))
                {
                    tallies[key] = tally = new Tally(Order(policy, target.Name));
                }
                tally.Cases++;
                switch (target.State)
                {
                    case TargetState.Met:
                        tally.Met++;
                        break;
                    case TargetState.Breached:
                        tally.Breached++;
                        break;
                    default:
                        tally.Pending++;
                        break;
                }
                if (target.MetAt is { } metAt && target.StartedAt is { } startedAt)
                {
                    if (target.Name == Target.FirstResponseName)
                    {
                        tally.Times.Add(target.Target.Calendar.OpenTimeBetween(startedAt, metAt));
                    }
                    else if (target.Name == Target.ResolutionName)
                    {
                        tally.Times.Add(OpenTimeUnpaused(policy, target.Target.Calendar, snapshot.OpenedAt, events, startedAt, metAt));
                    }
                }
            }
        }
        return [.. tallies
            .OrderBy(t => t.Key.Policy, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Group, StringComparer.Ordinal)
            .ThenBy(t => t.Value.Order)
            .ThenBy(t => t.Key.Target, StringComparer.Ordinal)
            .Select(t => t.Value.ToRow(t.Key.Policy, t.Key.Group, t.Key.Target))];
    }

    /// <summary>The nearest-rank <paramref name="percent"/>-th percentile of <paramref name="sorted"/> (ascending, not empty).</summary>
    public static Duration Percentile(IReadOnlyList<Duration> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }

    // Open time from start to end, less open time spent paused (a pausing status, or solved and later reopened).
    private static Duration OpenTimeUnpaused(Policy policy, BusinessCalendar calendar, Instant openedAt, IReadOnlyList<CaseEvent> events, Instant start, Instant end)
    {
        var total = calendar.OpenTimeBetween(start, end);
        var status = CaseStatus.Open;
        var since = openedAt;
        foreach (var e in events.Where(e => e.Type == CaseEventType.Status && e.Status is not null).OrderBy(e => e.At))
        {
            var at = e.At < openedAt ? openedAt : e.At;
            total -= PausedOpenTime(policy, calendar, status, since, at, start, end);
            status = e.Status!.Value;
            since = at;
        }
        return total - PausedOpenTime(policy, calendar, status, since, end, start, end);
    }

    private static Duration PausedOpenTime(Policy policy, BusinessCalendar calendar, CaseStatus status, Instant from, Instant to, Instant start, Instant end)
    {
        var pauses = policy.PauseOn.Contains(status) || status is CaseStatus.Solved or CaseStatus.Closed;
        var clippedFrom = from < start ? start : from;
        var clippedTo = to > end ? end : to;
        return pauses && clippedTo > clippedFrom ? calendar.OpenTimeBetween(clippedFrom, clippedTo) : Duration.Zero;
    }

    private static int Order(Policy policy, string target)
    {
        var index = policy.Severities.SelectMany(s => s.Targets).Select(t => t.Name).Distinct().ToList().IndexOf(target);
        return index < 0 ? int.MaxValue : index;
    }

    private sealed class Tally(int order)
    {
        public int Order { get; } = order;

        public int Cases { get; set; }

        public int Met { get; set; }

        public int Breached { get; set; }

        public int Pending { get; set; }

        public List<Duration> Times { get; } = [];

        public ComplianceRow ToRow(string policy, string group, string target)
        {
            Times.Sort();
            var decided = Met + Breached;
            return new ComplianceRow
            {
                PolicyId = policy,
                Group = group,
                Target = target,
                Cases = Cases,
                Met = Met,
                Breached = Breached,
                Pending = Pending,
                PercentMet = decided == 0 ? null : Math.Round(100.0 * Met / decided, 1),
                Timed = Times.Count,
                MedianOpenTime = Times.Count == 0 ? null : IsoDuration.Format(Percentile(Times, 50)),
                P90OpenTime = Times.Count == 0 ? null : IsoDuration.Format(Percentile(Times, 90)),
            };
        }
    }
}
