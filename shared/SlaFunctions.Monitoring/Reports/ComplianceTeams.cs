using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Monitoring.Reports;

/// <summary>Who used the time: per policy and assignee group, the open time each group held the counted cases and its
/// team targets' met and breached counts.</summary>
/// <remarks>
/// A group holds a case from the group event naming it until the next group event (an empty group holds nothing).
/// Held time is measured on the calendar of the case's resolution target at <c>asOf</c> (elapsed time when there is
/// none), up to <c>asOf</c>, and leaves out time the case spent solved, closed or in a status that pauses the policy's
/// clocks (<c>pauseOn</c>), so a case's groups together account for its time to resolution. Team targets are judged
/// as the rows are: met on time, breached (a late hand-on counts as breached) or pending.
/// </remarks>
public static class ComplianceTeams
{
    /// <summary>The team rows for <paramref name="cases"/> judged at <paramref name="asOf"/>, sorted by policy and group.</summary>
    public static IReadOnlyList<ComplianceTeamRow> Rows(IEnumerable<ComplianceCase> cases, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var tallies = new Dictionary<(string Policy, string Group), Tally>(new KeyComparer());
        foreach (var counted in cases)
        {
            var (policy, record, _) = counted;
            var snapshot = record.Snapshot;
            var events = counted.Events;
            var state = counted.StateAt(asOf);
            var calendar = state.Targets.FirstOrDefault(t => t.Name == Target.ResolutionName)?.Target.Calendar;
            foreach (var (group, held) in HeldTimes(policy, calendar, snapshot.OpenedAt, events, asOf))
            {
                var tally = TallyOf(tallies, policy.Id, group);
                tally.Cases++;
                tally.Held += held;
            }
            // A team target never started (the group never took the case) is not the group's to count.
            foreach (var target in state.Targets.Where(t => t.Target.Team is not null && t.State != TargetState.NotStarted))
            {
                var tally = TallyOf(tallies, policy.Id, target.Target.Team!);
                tally.Met += target.State == TargetState.Met ? 1 : 0;
                tally.Breached += target.State == TargetState.Breached ? 1 : 0;
                tally.Pending += target.State is TargetState.Met or TargetState.Breached ? 0 : 1;
            }
        }
        return [.. tallies
            .OrderBy(t => t.Key.Policy, StringComparer.Ordinal)
            .ThenBy(t => t.Key.Group, StringComparer.OrdinalIgnoreCase)
            .Select(t => new ComplianceTeamRow
            {
                PolicyId = t.Key.Policy,
                Group = t.Key.Group,
                Cases = t.Value.Cases,
                HeldOpenTime = IsoDuration.Format(t.Value.Held),
                Met = t.Value.Met,
                Breached = t.Value.Breached,
                Pending = t.Value.Pending,
            })];
    }

    // Each group that held the case, with the open time it held it; a group that held it only while paused still counts.
    private static Dictionary<string, Duration> HeldTimes(Policy policy, BusinessCalendar? calendar, Instant openedAt, IReadOnlyList<CaseEvent> events, Instant asOf)
    {
        var held = new Dictionary<string, Duration>(StringComparer.OrdinalIgnoreCase);
        string? group = null;
        var status = CaseStatus.Open;
        var since = openedAt;
        foreach (var e in events.Where(e => e.At <= asOf && e.Type is CaseEventType.Group or CaseEventType.Status).OrderBy(e => e.At))
        {
            var at = e.At < openedAt ? openedAt : e.At;
            Add(held, policy, calendar, group, status, since, at);
            if (e.Type == CaseEventType.Group)
            {
                group = string.IsNullOrWhiteSpace(e.Group) ? null : e.Group.Trim();
            }
            else if (e.Status is { } changed)
            {
                status = changed;
            }
            since = at;
            if (group is not null)
            {
                held.TryAdd(group, Duration.Zero);
            }
        }
        Add(held, policy, calendar, group, status, since, asOf);
        return held;
    }

    private static void Add(Dictionary<string, Duration> held, Policy policy, BusinessCalendar? calendar, string? group, CaseStatus status, Instant from, Instant to)
    {
        if (group is null || to <= from || status is CaseStatus.Solved or CaseStatus.Closed || policy.PauseOn.Contains(status))
        {
            return;
        }
        held[group] = held.GetValueOrDefault(group) + (calendar is null ? to - from : calendar.OpenTimeBetween(from, to));
    }

    private static Tally TallyOf(Dictionary<(string Policy, string Group), Tally> tallies, string policy, string group)
    {
        if (!tallies.TryGetValue((policy, group), out var tally))
        {
            tallies[(policy, group)] = tally = new Tally();
        }
        return tally;
    }

    private sealed class KeyComparer : IEqualityComparer<(string Policy, string Group)>
    {
        public bool Equals((string Policy, string Group) x, (string Policy, string Group) y) =>
            string.Equals(x.Policy, y.Policy, StringComparison.Ordinal) && string.Equals(x.Group, y.Group, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Policy, string Group) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Policy), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Group));
    }

    private sealed class Tally
    {
        public int Cases { get; set; }

        public Duration Held { get; set; }

        public int Met { get; set; }

        public int Breached { get; set; }

        public int Pending { get; set; }
    }
}
