using System.Globalization;
using NodaTime;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>The points of one clock rule on one run: position first + every*k on the run's final clock, k = 0, 1, 2...,
/// none at or after the run's end. A severity-limited point that falls while the rule is not in force moves to the next
/// instant the case enters a covered severity (if before the run's end); of several moved to one instant only the
/// highest k is kept. Key: <c>target/rule/run start (Unix seconds)/k</c>.</summary>
internal sealed class ClockPoints
{
    private const int MaxRepeats = 10_000;
    private readonly ReferenceTimeline _timeline;
    private readonly ReferenceRun _run;
    private readonly Instant _until;

    public ClockPoints(ReferenceTimeline timeline, ReferenceRun run, Instant until)
    {
        _timeline = timeline;
        _run = run;
        _until = until;
    }

    public IEnumerable<ReferencePoint> For(RuleDescription rule)
    {
        var goal = _run.Clock.GoalMinutes * NodaConstants.TicksPerMinute;
        var offset = rule.OffsetMinutes * NodaConstants.TicksPerMinute;
        var first = rule.Kind switch
        {
            EscalationTriggerKind.Percent => (long)Math.Round(goal * rule.Percent / 100.0),
            EscalationTriggerKind.Before => offset >= goal ? 0 : goal - offset,
            EscalationTriggerKind.Breach => goal,
            EscalationTriggerKind.After => goal + offset,
            _ => offset,
        };
        var kept = new List<(int K, Instant At)>();
        var moved = new Dictionary<Instant, int>();
        for (var k = 0; k < MaxRepeats; k++)
        {
            var position = first + ((rule.EveryMinutes ?? 0) * NodaConstants.TicksPerMinute * k);
            if (_run.Clock.InstantAt(position) is not { } at || at > _until || (_run.EndedAt is { } end && at >= end))
            {
                break;
            }
            if (rule.Covers(_timeline.SeverityAt(at)))
            {
                kept.Add((k, at));
            }
            else if (NextEntryIntoCover(rule, at) is { } entry && (_run.EndedAt is not { } stop || entry < stop))
            {
                moved[entry] = k;
            }
            if (rule.EveryMinutes is null)
            {
                break;
            }
        }
        var start = _run.Clock.Start.ToUnixTimeSeconds();
        return kept.Concat(moved.Select(m => (K: m.Value, At: m.Key)))
            .Select(p => new ReferencePoint(string.Create(CultureInfo.InvariantCulture, $"{_run.Target}/{rule.Id}/{start}/{p.K}"), p.At));
    }

    private Instant? NextEntryIntoCover(RuleDescription rule, Instant after)
    {
        foreach (var (from, severity) in _timeline.Severities)
        {
            if (from > after && rule.Covers(severity))
            {
                return from;
            }
        }
        return null;
    }
}
