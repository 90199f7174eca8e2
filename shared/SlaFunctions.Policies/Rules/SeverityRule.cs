using SlaFunctions.Policies.Documents;

namespace SlaFunctions.Policies.Rules;

/// <summary>Severities: present, named, and each id and alias naming exactly one severity.</summary>
public sealed class SeverityRule : IPolicyRule
{
    /// <inheritdoc />
    public void Check(PolicyDocument policy, PolicyProblems problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        if (policy.Severities.Count == 0)
        {
            problems.Add("severities", "needs at least one severity, e.g. - { id: \"1\", name: Critical, targets: { ... } }.");
        }
        var owners = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < policy.Severities.Count; i++)
        {
            var severity = policy.Severities[i];
            var path = $"severities[{i}]";
            if (severity.Name is { } name && string.IsNullOrWhiteSpace(name))
            {
                problems.Add($"{path}.name", "must not be empty.");
            }
            var names = IdentityRule.Names(severity).ToList();
            for (var n = 0; n < names.Count; n++)
            {
                var where = severity.Id is not null && n == 0 ? $"{path}.id" : $"{path}.aliases[{n - (severity.Id is null ? 0 : 1)}]";
                if (string.IsNullOrWhiteSpace(names[n]))
                {
                    problems.Add(where, "must not be empty.");
                }
                else if (owners.TryGetValue(names[n], out var owner) && owner != i)
                {
                    problems.Add(where, $"'{names[n]}' already names severities[{owner}]; each id and alias may name one severity only (case-insensitive).");
                }
                else
                {
                    owners[names[n]] = i;
                }
            }
            IdentityRule.CheckSeverityName(policy, severity.OnWorkaround, $"{path}.onWorkaround.severity", problems);
        }
    }
}
