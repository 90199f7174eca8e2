using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Problems;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>Runs a preview request through the engine: the one calculation behind the API and the CLI.</summary>
public static class PreviewCalculator
{
    private static readonly Duration Lookahead = Duration.FromDays(30);
    private const int MaxEscalations = 100;

    /// <summary>The response for <paramref name="request"/> under <paramref name="policy"/>, judged at its asOf or
    /// <paramref name="now"/>; null with <paramref name="errors"/> filled when a severity is unknown.</summary>
    public static PreviewResponse? Calculate(Policy policy, PreviewRequest request, Instant now, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        // A policy with versions previews the version in force when the case opened.
        policy = policy.InForceAt(request.OpenedAt);
        var severity = request.Severity is { } named ? policy.FindSeverity(named) : policy.DefaultSeverityFor(request.Channel);
        if (severity is null)
        {
            errors.Add(request.Severity is null
                ? new("channel", $"channel '{request.Channel}' has no default severity in policy '{policy.Id}'; give a severity.")
                : new("severity", $"'{request.Severity}' is not a severity of policy '{policy.Id}'; use one of {Severities(policy)}."));
        }
        foreach (var e in request.Events.Where(e => e.Event.Type == CaseEventType.Severity && policy.FindSeverity(e.Event.Severity) is null))
        {
            errors.Add(new($"events[{e.Index}].severity", $"'{e.Event.Severity}' is not a severity of policy '{policy.Id}'; use one of {Severities(policy)}."));
        }
        var asOf = request.AsOf ?? now;
        if (asOf < request.OpenedAt)
        {
            errors.Add(new("asOf", $"{InstantText.Format(asOf)} is before openedAt; a case has no clocks before it opens."));
        }
        if (errors.Count > 0)
        {
            return null;
        }

        var history = new CaseHistory(request.OpenedAt, severity!.Id, request.Events.Select(e => e.Event));
        var clock = new CaseClock(policy, history);
        var state = clock.StateAt(asOf);
        var escalations = clock.EscalationsBetween(state, request.OpenedAt - Duration.Epsilon, asOf + Lookahead)
            .Take(MaxEscalations)
            .Select(p => new PreviewEscalation
            {
                Rule = p.RuleId,
                Key = p.Key,
                Target = p.Target,
                Occurrence = p.Occurrence,
                At = InstantText.Format(p.At),
                Kind = PreviewWords.CamelCase(p.Kind.ToString()),
                Fired = p.At <= asOf,
                Notify = [.. p.Notify.Select(n => n.ToString())],
            });
        return new PreviewResponse
        {
            PolicyId = policy.Id,
            Severity = state.Severity.Id,
            AsOf = InstantText.Format(asOf),
            Targets = [.. state.Targets.Select(ToPreview)],
            Escalations = [.. escalations],
        };
    }

    /// <summary>One target in the preview API's shape.</summary>
    public static PreviewTarget ToPreview(TargetStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new()
        {
            Name = status.Name,
            Calendar = status.Target.Calendar.Name,
            Goal = status.Target.Goal.ToString(),
            BusinessDays = status.Target.Goal.BusinessDays,
            Internal = status.Target.Internal,
            State = PreviewWords.State(status.State),
            StartedAt = InstantText.Format(status.StartedAt),
            DueAt = InstantText.Format(status.DueAt),
            MetAt = InstantText.Format(status.MetAt),
            BreachedAt = InstantText.Format(status.BreachedAt),
            Remaining = status.Remaining is { } left ? IsoDuration.Format(left) : null,
            PausedSince = InstantText.Format(status.PausedSince),
        };
    }

    private static string Severities(Policy policy) =>
        string.Join(", ", policy.Severities.Select(s => s.Aliases.Count == 0 ? s.Id : $"{s.Id} ({string.Join(", ", s.Aliases)})"));
}
