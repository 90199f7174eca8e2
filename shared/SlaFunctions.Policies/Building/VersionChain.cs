using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Policies.Building;

/// <summary>Links a policy's versions: the first holds the later ones, and each version points to the next that open
/// cases move to.</summary>
internal static class VersionChain
{
    public static Policy Link(Policy first, IReadOnlyList<(Instant From, bool MovesOpenCases, Policy Policy)> later)
    {
        PolicyVersion? next = null;
        var linked = new PolicyVersion[later.Count];
        for (var i = later.Count - 1; i >= 0; i--)
        {
            var (from, moves, policy) = later[i];
            linked[i] = new PolicyVersion(from, moves, policy with { OpenCasesMoveTo = next });
            if (moves)
            {
                next = linked[i];
            }
        }
        return first with { OpenCasesMoveTo = next, LaterVersions = linked };
    }
}
