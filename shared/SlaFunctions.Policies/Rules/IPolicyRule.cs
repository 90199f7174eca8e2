using SlaFunctions.Policies.Documents;

namespace SlaFunctions.Policies.Rules;

/// <summary>One check of a policy document. Every rule runs; each adds what it finds and never throws for bad input.</summary>
public interface IPolicyRule
{
    /// <summary>Adds each problem of <paramref name="policy"/> to <paramref name="problems"/>.</summary>
    void Check(PolicyDocument policy, PolicyProblems problems);
}
