using System.Net.Mail;
using SlaFunctions.Policies.Building;
using SlaFunctions.Policies.Documents;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Policies.Rules;

/// <summary>Each escalation rule: a target that some severity has, exactly one trigger, readable durations, and
/// recipients that are roles or email addresses.</summary>
public sealed class EscalationRuleCheck : IPolicyRule
{
    /// <inheritdoc />
    public void Check(PolicyDocument policy, PolicyProblems problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var targets = policy.Severities.SelectMany(s => s.Targets.Select(t => t.Key)).ToHashSet(StringComparer.Ordinal);
        var internalTargets = policy.Severities.SelectMany(s => s.Targets).Where(t => t.Value.Internal == true).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < policy.Escalations.Count; i++)
        {
            var rule = policy.Escalations[i];
            var path = $"escalations[{i}]";
            var id = EscalationIds.For(rule);
            if (ids.TryGetValue(id, out var first))
            {
                problems.Add(rule.Id is null ? path : $"{path}.id", $"id '{id}' is also escalations[{first}]'s; give each rule its own id.");
            }
            else
            {
                ids[id] = i;
            }
            var isEvent = rule.At?.Event is not null;
            if (rule.Target is null && !isEvent)
            {
                problems.Add($"{path}.target", $"is required; name a target such as firstResponse or resolution ({string.Join(", ", targets)}).");
            }
            else if (rule.Target is { } target && !targets.Contains(target))
            {
                problems.Add($"{path}.target", $"'{target}' is not a target of any severity; use one of: {string.Join(", ", targets)}.");
            }
            for (var s = 0; s < rule.Severities.Count; s++)
            {
                IdentityRule.CheckSeverityName(policy, rule.Severities[s], $"{path}.severities[{s}]", problems);
            }
            CheckAt(rule.At, $"{path}.at", problems);
            TargetRule.Duration(rule.Every, $"{path}.every", problems, required: false, positive: true);
            if (rule.Every is not null && isEvent)
            {
                problems.Add($"{path}.every", "an event rule fires once per event; remove 'every'.");
            }
            CheckNotify(rule.Notify, $"{path}.notify", problems);
            if (rule.Target is { } told && internalTargets.Contains(told) && rule.Notify.Contains("customer", StringComparer.Ordinal))
            {
                problems.Add($"{path}.notify", $"'{told}' is internal (a goal the contract does not promise); tell staff of it, not the customer.");
            }
        }
    }

    private static void CheckAt(EscalationAtDocument? at, string path, PolicyProblems problems)
    {
        if (at is null)
        {
            return;
        }
        if (at.Count != 1)
        {
            problems.Add(path, "give exactly one of percent, before, breach, after, elapsed, event; e.g. at: { percent: 75 }.");
        }
        if (at.Percent is { } percent && (percent <= 0 || double.IsNaN(percent)))
        {
            problems.Add($"{path}.percent", $"{percent} must be above 0 (75 means three quarters of the goal).");
        }
        if (at.Breach is false)
        {
            problems.Add($"{path}.breach", "write breach: true, or use another trigger.");
        }
        TargetRule.Duration(at.Before, $"{path}.before", problems, required: false, positive: true);
        TargetRule.Duration(at.After, $"{path}.after", problems, required: false, positive: false);
        TargetRule.Duration(at.Elapsed, $"{path}.elapsed", problems, required: false, positive: false);
        if (at.Event is { } name && !PolicyWords.Events.ContainsKey(name))
        {
            problems.Add($"{path}.event", $"'{name}' is not an event; use {PolicyWords.OneOf(PolicyWords.Events)}.");
        }
    }

    private static void CheckNotify(IReadOnlyList<string> notify, string path, PolicyProblems problems)
    {
        if (notify.Count == 0)
        {
            problems.Add(path, $"is required; list roles ({string.Join(", ", PolicyWords.Roles.Keys)}) or email addresses.");
        }
        for (var i = 0; i < notify.Count; i++)
        {
            var who = notify[i];
            if (PolicyWords.Roles.ContainsKey(who))
            {
                continue;
            }
            if (!who.Contains('@', StringComparison.Ordinal) || !MailAddress.TryCreate(who, out _))
            {
                problems.Add($"{path}[{i}]", $"'{who}' is neither a role ({string.Join(", ", PolicyWords.Roles.Keys)}) nor an email address.");
            }
        }
    }
}
