using System.Globalization;
using NodaTime;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>The points of one event rule: <c>opened</c> at opening when the opening severity is covered;
/// <c>severityEntered</c> then too, and at each change that makes the case more severe into a covered severity, never
/// on a lowering. Key: <c>(target or rule)/rule/instant (Unix seconds)/0</c>.</summary>
internal sealed class EventPoints
{
    private readonly PolicyDescription _policy;
    private readonly ReferenceTimeline _timeline;

    public EventPoints(PolicyDescription policy, ReferenceTimeline timeline)
    {
        _policy = policy;
        _timeline = timeline;
    }

    public IEnumerable<ReferencePoint> For(RuleDescription rule)
    {
        var periods = _timeline.Severities;
        var last = rule.Kind == EscalationTriggerKind.Opened ? 1 : periods.Count;
        for (var i = 0; i < last; i++)
        {
            var (at, severity) = periods[i];
            var raised = i == 0 || _policy.Rank(severity) < _policy.Rank(periods[i - 1].Severity);
            if (raised && rule.Covers(severity))
            {
                yield return new ReferencePoint(
                    string.Create(CultureInfo.InvariantCulture, $"{rule.Target ?? rule.Id}/{rule.Id}/{at.ToUnixTimeSeconds()}/0"), at);
            }
        }
    }
}
