using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Policies;

/// <summary>The outcome of reading a policy: the policy, or every problem found.</summary>
public sealed record PolicyReadResult
{
    /// <summary>The policy when there were no problems; otherwise null.</summary>
    public Policy? Policy { get; init; }

    /// <summary>Every problem found, with its path; empty when <see cref="Policy"/> is set.</summary>
    public required IReadOnlyList<PolicyProblem> Problems { get; init; }
}
