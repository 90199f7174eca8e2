using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Policies;

namespace SlaFunctions.Monitoring.Catalog;

/// <summary>The <c>policy</c> parameter of a listing or report: only that loaded policy's cases.</summary>
public static class PolicyFilter
{
    /// <summary>Adds a problem at <c>policy</c> to <paramref name="errors"/> when <paramref name="id"/> names no
    /// policy in <paramref name="policies"/>; null (no filter) passes.</summary>
    public static void Check(PolicyCatalog policies, string? id, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(errors);
        if (id is not null && !policies.TryGet(id, out _))
        {
            errors.Add(new("policy", $"'{id}' is not a loaded policy ({string.Join(", ", policies.Ids)})."));
        }
    }
}
