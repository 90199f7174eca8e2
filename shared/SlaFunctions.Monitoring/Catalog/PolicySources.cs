using SlaFunctions.Policies;

namespace SlaFunctions.Monitoring.Catalog;

/// <summary>Each loaded policy's file as written, comments and all, for the playground to start an edit from. Read
/// on first use, not at start-up, so start-up reads each file once.</summary>
public sealed class PolicySources
{
    private readonly Lazy<Dictionary<string, string>> _byId;

    /// <summary>The sources of the policy files in <paramref name="folder"/>; none when it is null.</summary>
    public PolicySources(string? folder) => _byId = new(() => Read(folder));

    /// <summary>The text of the file that defines policy <paramref name="id"/>; false when no file does (any more).</summary>
    public bool TryGet(string id, out string text) => _byId.Value.TryGetValue(id, out text!);

    private static Dictionary<string, string> Read(string? folder)
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in folder is null ? [] : PolicyCatalog.PolicyFiles(folder))
        {
            if (PolicyReader.ReadFile(file).Policy is { } policy)
            {
                sources.TryAdd(policy.Id, File.ReadAllText(file));
            }
        }
        return sources;
    }
}
