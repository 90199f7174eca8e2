using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Intake;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>The customer a delivery names for its case and the loaded policy the connection maps them to.</summary>
/// <param name="Choice">The customer and policy id as the connection's map chose them.</param>
/// <param name="Policy">The policy <see cref="CustomerChoice.PolicyId"/> names.</param>
public sealed record CaseContract(CustomerChoice Choice, Policy Policy)
{
    /// <summary>A contract for new cases only: open cases keep their customer and policy.</summary>
    public static CaseContract For(Policy policy, string customer)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new(new CustomerChoice { Customer = customer, PolicyId = policy.Id }, policy);
    }
}
