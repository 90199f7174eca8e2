using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Policies;

/// <summary>The outcome of reading a policy: the policy, or every problem found.</summary>
public sealed record PolicyReadResult
{
    /// <summary>The policy when there were no problems; otherwise null.</summary>
    public Policy? Policy { get; init; }

    /// <summary>Every problem found, with its path; empty when <see cref="Policy"/> is set.</summary>
    public required IReadOnlyList<PolicyProblem> Problems { get; init; }

    /// <summary>For each calendar with holidays of its own, the last holiday it knows (yearly rules and recurring events
    /// run to the end of <see cref="Building.HolidaySpan.LastYear"/>). <see cref="HolidayHorizon"/> warns when one is
    /// near.</summary>
    public IReadOnlyDictionary<string, LocalDate> LastHolidays { get; init; } = new Dictionary<string, LocalDate>();
}
