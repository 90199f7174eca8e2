using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Policies;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>The policy a preview request asks about: the document it sends inline, or a loaded one by id.</summary>
public static class PreviewPolicy
{
    /// <summary>The policy <paramref name="preview"/> names; null, with <paramref name="errors"/> saying why, when the
    /// inline document is invalid or the id is not loaded.</summary>
    public static Policy? Resolve(PreviewRequest preview, PolicyCatalog policies, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(policies);
        if (preview.Policy is { } inline)
        {
            return InlinePolicy.Read(inline, errors);
        }
        if (policies.TryGet(preview.PolicyId!, out var loaded))
        {
            return loaded;
        }
        var known = policies.Ids.Count == 0 ? "no policies are loaded" : "loaded: " + string.Join(", ", policies.Ids);
        errors.Add(new("policyId", $"'{preview.PolicyId}' is not a loaded policy ({known}); send the document inline as 'policy' instead."));
        return null;
    }
}
