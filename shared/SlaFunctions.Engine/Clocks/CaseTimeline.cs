using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Clocks;

/// <summary>What a case's history says up to an instant: its severities, statuses and milestones over time.</summary>
internal sealed class CaseTimeline
{
    private readonly List<(Instant From, Severity Severity)> _severities = [];
    private readonly List<(Instant From, CaseStatus Status)> _statuses = [];
    private readonly List<(Instant At, Milestone Milestone)> _milestones = [];
    private readonly List<(Instant From, string? Group)> _groups = [];

    /// <exception cref="ArgumentException">The history names a severity the policy does not have.</exception>
    public CaseTimeline(Policy policy, CaseHistory history, Instant asOf)
    {
        OpenedAt = history.OpenedAt;
        AsOf = asOf;
        _severities.Add((OpenedAt, Resolve(policy, history.Severity)));
        _statuses.Add((OpenedAt, CaseStatus.Open));
        _groups.Add((OpenedAt, null));
        foreach (var e in history.Events.TakeWhile(e => e.At <= asOf))
        {
            switch (e.Type)
            {
                case CaseEventType.Severity:
                    ChangeSeverity(e.At, Resolve(policy, e.Severity!));
                    break;
                case CaseEventType.Status:
                    ChangeStatus(e.At, e.Status!.Value);
                    break;
                case CaseEventType.Workaround:
                    _milestones.Add((e.At, Milestone.Workaround));
                    // A workaround lowers the severity where the contract says so (e.g. LumenVox P1/P2 to P3).
                    if (CurrentSeverity.OnWorkaround is { } lowered)
                    {
                        ChangeSeverity(e.At, Resolve(policy, lowered));
                    }
                    break;
                case CaseEventType.AgentReply:
                    _milestones.Add((e.At, Milestone.AgentReply));
                    break;
                case CaseEventType.CustomerReply:
                    _milestones.Add((e.At, Milestone.CustomerReply));
                    break;
                case CaseEventType.Eta:
                    _milestones.Add((e.At, Milestone.Eta));
                    break;
                case CaseEventType.InternalNote:
                    _milestones.Add((e.At, Milestone.InternalNote));
                    break;
                case CaseEventType.SystemNote:
                    break;
                case CaseEventType.Group:
                    ChangeGroup(e.At, string.IsNullOrWhiteSpace(e.Group) ? null : e.Group.Trim());
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(history), e.Type, "Unknown event type.");
            }
        }
    }

    public Instant OpenedAt { get; }

    public Instant AsOf { get; }

    public Severity CurrentSeverity => _severities[^1].Severity;

    public CaseStatus CurrentStatus => _statuses[^1].Status;

    /// <summary>The assignee-group periods in order, from opening (no group) on; null while no group holds the case.</summary>
    public IReadOnlyList<(Instant From, string? Group)> GroupPeriods => _groups;

    /// <summary>The severity periods in order: each from its start until the next one's.</summary>
    public IReadOnlyList<(Instant From, Severity Severity)> SeverityPeriods => _severities;

    /// <summary>The status periods in order.</summary>
    public IReadOnlyList<(Instant From, CaseStatus Status)> StatusPeriods => _statuses;

    public Severity SeverityAt(Instant at) => _severities.Last(p => p.From <= at).Severity;

    /// <summary>The case's status at <paramref name="at"/>.</summary>
    public CaseStatus StatusAt(Instant at) => _statuses.Last(p => p.From <= at).Status;

    /// <summary>When the case entered the severity it has at <paramref name="at"/>.</summary>
    public Instant SeveritySince(Instant at) => _severities.Last(p => p.From <= at).From;

    /// <summary>The targets of earlier severities that the current one lacks, each with when the case last left a
    /// severity that had it, in the order the policy first names them.</summary>
    public IEnumerable<(string Name, Instant LeftAt)> TargetsLeft()
    {
        var current = CurrentSeverity;
        var seen = new HashSet<string>(current.Targets.Select(t => t.Name), StringComparer.Ordinal);
        for (var i = 0; i < _severities.Count - 1; i++)
        {
            foreach (var target in _severities[i].Severity.Targets)
            {
                if (seen.Add(target.Name))
                {
                    var last = _severities.FindLastIndex(p => p.Severity.FindTarget(target.Name) is not null);
                    yield return (target.Name, _severities[last + 1].From);
                }
            }
        }
    }

    /// <summary>When the trailing run of solved or closed statuses began, when the case is solved or closed now.</summary>
    public Instant? SolvedSince()
    {
        Instant? since = null;
        for (var i = _statuses.Count - 1; i >= 0 && IsSolved(_statuses[i].Status); i--)
        {
            since = _statuses[i].From;
        }
        return since;
    }

    /// <summary>The first of <paramref name="milestones"/> at or after <paramref name="from"/>, or null.</summary>
    public Instant? First(IReadOnlySet<Milestone> milestones, Instant from)
    {
        foreach (var (at, milestone) in _milestones)
        {
            if (at >= from && milestones.Contains(milestone))
            {
                return at;
            }
        }
        return null;
    }

    /// <summary>The spells in which a customer waits for an answer after the first public agent reply: each starts at
    /// the first customer reply after the last agent reply, while none is waiting, and ends at the next agent reply;
    /// null while unanswered. A customer reply at the instant of an agent reply is answered by it, so starts none.</summary>
    public IEnumerable<(Instant Start, Instant? End)> UnansweredSpells()
    {
        Instant? answered = null;
        Instant? waiting = null;
        foreach (var (at, milestone) in _milestones)
        {
            if (milestone == Milestone.AgentReply)
            {
                if (waiting is { } start && start < at)
                {
                    yield return (start, at);
                }
                answered = at;
                waiting = null;
            }
            else if (milestone == Milestone.CustomerReply && answered is { } last && at > last && waiting is null)
            {
                waiting = at;
            }
        }
        if (waiting is { } open)
        {
            yield return (open, null);
        }
    }

    /// <summary>The spells in which <paramref name="group"/> (case-insensitive) holds the case while it is not solved or
    /// closed: each from the later of the group taking it and the case reopening, to the earlier of a hand-on and a
    /// solve; null while it lasts.</summary>
    public List<(Instant Start, Instant? End)> GroupSpells(string group)
    {
        var changes = _groups.Select(g => g.From).Concat(_statuses.Select(s => s.From)).Distinct().Order().ToList();
        var spells = new List<(Instant Start, Instant? End)>();
        Instant? since = null;
        foreach (var at in changes)
        {
            var holds = string.Equals(_groups.Last(g => g.From <= at).Group, group, StringComparison.OrdinalIgnoreCase) && !IsSolved(StatusAt(at));
            if (holds)
            {
                since ??= at;
            }
            else if (since is { } start)
            {
                spells.Add((start, at));
                since = null;
            }
        }
        if (since is { } open)
        {
            spells.Add((open, null));
        }
        return spells;
    }

    /// <summary>Each instant of <paramref name="milestone"/>, in order.</summary>
    public IEnumerable<Instant> All(Milestone milestone) => _milestones.Where(m => m.Milestone == milestone).Select(m => m.At);

    /// <summary>Stretches during which the status satisfies <paramref name="stops"/>; the last is open-ended when it
    /// lasts at the as-of instant.</summary>
    public List<Pause> Pauses(Func<CaseStatus, bool> stops)
    {
        var pauses = new List<Pause>();
        Instant? since = null;
        foreach (var (from, status) in _statuses)
        {
            if (stops(status))
            {
                since ??= from;
            }
            else if (since is { } start)
            {
                if (from > start)
                {
                    pauses.Add(new Pause(start, from));
                }
                since = null;
            }
        }
        if (since is { } open)
        {
            pauses.Add(new Pause(open, null));
        }
        return pauses;
    }

    public static bool IsSolved(CaseStatus status) => status is CaseStatus.Solved or CaseStatus.Closed;

    private void ChangeSeverity(Instant at, Severity severity)
    {
        if (severity.Id != CurrentSeverity.Id)
        {
            _severities.Add((at, severity));
        }
    }

    private void ChangeGroup(Instant at, string? group)
    {
        if (!string.Equals(group, _groups[^1].Group, StringComparison.OrdinalIgnoreCase))
        {
            _groups.Add((at, group));
        }
    }

    private void ChangeStatus(Instant at, CaseStatus status)
    {
        if (status == CurrentStatus)
        {
            return;
        }
        _statuses.Add((at, status));
        if (IsSolved(status) && _statuses.Count > 1 && !IsSolved(_statuses[^2].Status))
        {
            _milestones.Add((at, Milestone.Solved));
        }
    }

    private static Severity Resolve(Policy policy, string idOrAlias) =>
        policy.FindSeverity(idOrAlias) ?? throw new ArgumentException($"Policy '{policy.Id}' has no severity '{idOrAlias}'.", nameof(idOrAlias));
}
