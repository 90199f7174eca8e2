using System.Text.Json.Nodes;
using NodaTime;

namespace SlaFunctions.Policies.Reading;

/// <summary>One entry of a policy's <c>versions</c> list, read: its date, whether open cases move to it, what it
/// changes, and the whole document it makes with the versions before it.</summary>
/// <param name="Index">Its place in <c>versions</c>, for problem paths.</param>
/// <param name="EffectiveFrom">The date it is in force from, in the contract's time zone.</param>
/// <param name="MovesOpenCases">True for <c>appliesTo: openCases</c>.</param>
/// <param name="Changes">The fields it writes (without <c>effectiveFrom</c> and <c>appliesTo</c>).</param>
/// <param name="Document">The version before it with <paramref name="Changes"/> merged in.</param>
internal sealed record VersionEntry(int Index, LocalDate EffectiveFrom, bool MovesOpenCases, JsonObject Changes, JsonObject Document)
{
    /// <summary>The entry's path, <c>versions[1]</c>.</summary>
    public string Path => $"versions[{Index}]";

    /// <summary>Where a problem found in <see cref="Document"/> is reported: under this
    /// entry when the entry wrote that field (or a field holding it), else on the entry itself.</summary>
    public PolicyProblem Locate(PolicyProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Path.Length > 0 && Writes(problem.Path))
        {
            return problem with { Path = $"{Path}.{problem.Path}" };
        }
        var where = problem.Path.Length == 0 ? "" : problem.Path + ": ";
        return new PolicyProblem(Path, $"the policy as in force from {EffectiveFrom:uuuu-MM-dd}: {where}{problem.Message}");
    }

    // True when the entry writes the field at the path or one holding it: a list or value replaces the one before whole
    // ('severities' holds 'severities[1].targets'), a map merges key by key, so each of its keys on the path is checked.
    private bool Writes(string path)
    {
        JsonNode? node = Changes;
        foreach (var step in path.Split('.'))
        {
            var name = step.Split('[')[0];
            if (node is not JsonObject obj || !obj.TryGetPropertyValue(name, out var child))
            {
                return false;
            }
            if (child is not JsonObject)
            {
                return true;
            }
            node = child;
        }
        return true;
    }
}
