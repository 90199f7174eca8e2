using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>The case's story up to an instant, read naively: severity periods, status periods and milestones.
/// Events at or before the instant count, in time order (stable); an event before opening counts at opening. A
/// severity event changes the severity when the id differs; a workaround lowers to the current severity's
/// <c>onWorkaround</c>; entering solved or closed from another status is a "solved" milestone.</summary>
internal sealed class ReferenceTimeline
{
    public ReferenceTimeline(CaseDescription story, Instant until)
    {
        OpenedAt = story.OpenedAt;
        Until = until;
        Severities.Add((story.OpenedAt, story.Severity));
        Statuses.Add((story.OpenedAt, CaseStatus.Open));
        var events = story.Events
            .Select(e => e.At < story.OpenedAt ? e with { At = story.OpenedAt } : e)
            .Where(e => e.At <= until)
            .OrderBy(e => e.At);
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                case StoryEventKind.Severity:
                    ChangeSeverity(e.At, e.Severity!);
                    break;
                case StoryEventKind.Workaround:
                    Milestones.Add((e.At, Milestone.Workaround));
                    if (story.Policy.Severity(Severities[^1].Severity).OnWorkaround is { } lower)
                    {
                        ChangeSeverity(e.At, lower);
                    }
                    break;
                case StoryEventKind.Status:
                    ChangeStatus(e.At, e.Status!.Value);
                    break;
                case StoryEventKind.AgentReply:
                    Milestones.Add((e.At, Milestone.AgentReply));
                    break;
                case StoryEventKind.CustomerReply:
                    Milestones.Add((e.At, Milestone.CustomerReply));
                    break;
                case StoryEventKind.Group:
                    Groups.Add((e.At, e.Group));
                    break;
                case StoryEventKind.Eta:
                    Milestones.Add((e.At, Milestone.Eta));
                    break;
                default:
                    Milestones.Add((e.At, Milestone.InternalNote));
                    break;
            }
        }
    }

    public Instant OpenedAt { get; }

    /// <summary>The last instant whose events count.</summary>
    public Instant Until { get; }

    /// <summary>Severity periods in order, each from its start to the next one's.</summary>
    public List<(Instant From, string Severity)> Severities { get; } = [];

    /// <summary>Status periods in order.</summary>
    public List<(Instant From, CaseStatus Status)> Statuses { get; } = [];

    /// <summary>Group events in time order, as given (null: no group); no group holds the case before the first.</summary>
    public List<(Instant At, string? Group)> Groups { get; } = [];

    /// <summary>Milestones in time order.</summary>
    public List<(Instant At, Milestone Milestone)> Milestones { get; } = [];

    /// <summary>The severity in force at <paramref name="at"/> (a change at exactly that instant counts).</summary>
    public string SeverityAt(Instant at) => Severities.Last(p => p.From <= at).Severity;

    /// <summary>The status at <paramref name="at"/>.</summary>
    public CaseStatus StatusAt(Instant at) => Statuses.Last(p => p.From <= at).Status;

    /// <summary>The first of <paramref name="kinds"/> at or after <paramref name="from"/>, or null.</summary>
    public Instant? First(IEnumerable<Milestone> kinds, Instant from)
    {
        var set = kinds.ToHashSet();
        foreach (var (at, milestone) in Milestones)
        {
            if (at >= from && set.Contains(milestone))
            {
                return at;
            }
        }
        return null;
    }

    /// <summary>The next-reply runs, read naively: a customer message after the first agent reply starts one unless an
    /// agent reply has the same instant or an earlier run still waits (no agent reply between its start and the
    /// message); a run ends at the first agent reply after its start, or has no end.</summary>
    public List<(Instant Start, Instant? Reply)> NextReplyRuns()
    {
        var replies = Milestones.Where(m => m.Milestone == Milestone.AgentReply).Select(m => m.At).ToList();
        var runs = new List<(Instant Start, Instant? Reply)>();
        if (replies.Count == 0)
        {
            return runs;
        }
        foreach (var message in Milestones.Where(m => m.Milestone == Milestone.CustomerReply).Select(m => m.At))
        {
            if (message <= replies.Min() || replies.Contains(message))
            {
                continue;
            }
            if (runs.Count > 0 && !replies.Any(r => r > runs[^1].Start && r < message))
            {
                continue;
            }
            runs.Add((message, replies.Where(r => r > message).Select(r => (Instant?)r).FirstOrDefault()));
        }
        return runs;
    }

    /// <summary>A team target's spells, read naively: at every instant some group or status event happens, the team
    /// holds the case when the last group event at or before it names the team (any case) and the status then is not
    /// solved or closed; a spell runs from the first such instant to the first instant after it that is not one.</summary>
    public List<(Instant Start, Instant? End)> TeamSpells(string team)
    {
        var instants = Groups.Select(g => g.At).Concat(Statuses.Select(s => s.From)).Distinct().Order().ToList();
        var spells = new List<(Instant Start, Instant? End)>();
        foreach (var at in instants)
        {
            var group = Groups.LastOrDefault(g => g.At <= at).Group;
            var holds = group is not null && group.Equals(team, StringComparison.OrdinalIgnoreCase) && !IsSolved(StatusAt(at));
            var open = spells.Count > 0 && spells[^1].End is null;
            if (holds && !open)
            {
                spells.Add((at, null));
            }
            else if (!holds && open)
            {
                spells[^1] = (spells[^1].Start, at);
            }
        }
        return spells;
    }

    /// <summary>When the trailing spell of solved or closed began, when the case is solved or closed now; else null.</summary>
    public Instant? SolvedSince()
    {
        Instant? since = null;
        for (var i = Statuses.Count - 1; i >= 0 && IsSolved(Statuses[i].Status); i--)
        {
            since = Statuses[i].From;
        }
        return since;
    }

    /// <summary>The stretches whose status satisfies <paramref name="pauses"/>, in order; the last has no end while
    /// it lasts at <see cref="Until"/>.</summary>
    public List<(Instant Start, Instant? End)> Stretches(Func<CaseStatus, bool> pauses)
    {
        var stretches = new List<(Instant Start, Instant? End)>();
        Instant? since = null;
        foreach (var (from, status) in Statuses)
        {
            if (pauses(status))
            {
                since ??= from;
            }
            else if (since is { } start)
            {
                stretches.Add((start, from));
                since = null;
            }
        }
        if (since is { } open)
        {
            stretches.Add((open, null));
        }
        return stretches;
    }

    public static bool IsSolved(CaseStatus status) => status is CaseStatus.Solved or CaseStatus.Closed;

    private void ChangeSeverity(Instant at, string severity)
    {
        if (severity != Severities[^1].Severity)
        {
            Severities.Add((at, severity));
        }
    }

    private void ChangeStatus(Instant at, CaseStatus status)
    {
        if (status == Statuses[^1].Status)
        {
            return;
        }
        var wasSolved = IsSolved(Statuses[^1].Status);
        Statuses.Add((at, status));
        if (IsSolved(status) && !wasSolved)
        {
            Milestones.Add((at, Milestone.Solved));
        }
    }
}
