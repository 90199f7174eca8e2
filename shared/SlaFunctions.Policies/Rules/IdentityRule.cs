using System.Text.RegularExpressions;
using SlaFunctions.Policies.Documents;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Policies.Rules;

/// <summary>The policy's id and name, and its policy-wide settings.</summary>
public sealed partial class IdentityRule : IPolicyRule
{
    /// <inheritdoc />
    public void Check(PolicyDocument policy, PolicyProblems problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        if (policy.Id is { } id && !IdPattern().IsMatch(id))
        {
            problems.Add("id", $"'{id}' must be lowercase letters, digits and '-', e.g. 'lumenvox' or 'acme-gold'.");
        }
        if (policy.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            problems.Add("name", "must not be empty.");
        }
        if (policy.OnSeverityChange is { } change && !PolicyWords.SeverityChanges.ContainsKey(change))
        {
            problems.Add("onSeverityChange", $"'{change}' is not a rule; use {PolicyWords.OneOf(PolicyWords.SeverityChanges)}.");
        }
        for (var i = 0; i < (policy.PauseOn?.Count ?? 0); i++)
        {
            if (!PolicyWords.Statuses.ContainsKey(policy.PauseOn![i]))
            {
                problems.Add($"pauseOn[{i}]", $"'{policy.PauseOn[i]}' is not a status; use {PolicyWords.OneOf(PolicyWords.Statuses)}.");
            }
        }
        CheckSeverityName(policy, policy.DefaultSeverity, "defaultSeverity", problems);
        foreach (var (channel, settings) in policy.Channels)
        {
            CheckSeverityName(policy, settings.DefaultSeverity, $"channels.{channel}.defaultSeverity", problems);
        }
    }

    internal static void CheckSeverityName(PolicyDocument policy, string? name, string path, PolicyProblems problems)
    {
        if (name is null || policy.Severities.Any(s => Names(s).Contains(name, StringComparer.OrdinalIgnoreCase)))
        {
            return;
        }
        var known = string.Join(", ", policy.Severities.Where(s => s.Id is not null).Select(s => s.Id));
        problems.Add(path, $"'{name}' is not a severity of this policy; use a severity id or alias ({known}).");
    }

    internal static IEnumerable<string> Names(SeverityDocument severity) =>
        severity.Id is null ? severity.Aliases : severity.Aliases.Prepend(severity.Id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
