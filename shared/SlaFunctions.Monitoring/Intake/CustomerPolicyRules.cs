using SlaFunctions.Policies;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>The checks on a connection's customer and tier map (<c>Policies</c>, <c>TierField</c>, <c>Tiers</c>,
/// <c>OrganizationField</c>); each problem names its key and the fix.</summary>
internal static class CustomerPolicyRules
{
    /// <summary>Every problem with <paramref name="connection"/>'s map, configured at <paramref name="key"/>.</summary>
    public static IEnumerable<string> Problems(string key, ConnectionOptions connection, PolicyCatalog policies)
    {
        foreach (var problem in MapProblems($"{key}:Policies", "customer", connection.Policies, policies))
        {
            yield return problem;
        }
        foreach (var problem in MapProblems($"{key}:Tiers", "tier", connection.Tiers, policies))
        {
            yield return problem;
        }
        if (connection.TierField is { } field && string.IsNullOrWhiteSpace(field))
        {
            yield return $"{key}:TierField is empty; write the field (or GitHub label prefix) that carries the tier, e.g. tier, or remove the setting.";
        }
        if (connection.Tiers.Count > 0 && string.IsNullOrWhiteSpace(connection.TierField))
        {
            yield return $"{key}:Tiers needs {key}:TierField, the field (or GitHub label prefix) whose value is looked up in Tiers.";
        }
        if (connection.OrganizationField is { } org && string.IsNullOrWhiteSpace(org))
        {
            yield return $"{key}:OrganizationField is empty; write the Jira field that names the organisation, e.g. customfield_10002, or remove the setting.";
        }
    }

    private static IEnumerable<string> MapProblems(string key, string what, Dictionary<string, string> map, PolicyCatalog policies)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, policy) in map)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                yield return $"{key} has an entry with an empty {what}; name the {what} before the policy.";
                continue;
            }
            if (!seen.TryAdd(CustomerPolicies.KeyOf(name), name))
            {
                yield return $"{key}:{name} is the same {what} as {key}:{seen[CustomerPolicies.KeyOf(name)]} (letter case and spaces around it do not count); keep one.";
            }
            if (!policies.TryGet(policy.Trim(), out _))
            {
                yield return $"{key}:{name} '{policy}' is not a loaded policy ({string.Join(", ", policies.Ids)}).";
            }
        }
    }
}
