using System.Text.Json.Nodes;
using SlaFunctions.Policies.Reading;
using YamlDotNet.Core;

namespace SlaFunctions.Monitoring.Examples;

/// <summary>A file of worked examples beside a policy (<c>policies/examples/&lt;policy&gt;.yaml</c>): the policy file it
/// checks and its examples.</summary>
public sealed record PolicyExampleFile
{
    /// <summary>The example file.</summary>
    public required string File { get; init; }

    /// <summary>The policy file, resolved against the example file's folder.</summary>
    public required string PolicyFile { get; init; }

    /// <summary>The examples in written order.</summary>
    public required IReadOnlyList<PolicyExample> Examples { get; init; }

    /// <summary>The example files in <paramref name="folder"/> (<c>.yaml</c> and <c>.yml</c>; a sample events file
    /// beside them is not one), in name order.</summary>
    public static IEnumerable<string> InFolder(string folder) => Directory.EnumerateFiles(folder)
        .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".YAML" or ".YML")
        .Order(StringComparer.Ordinal);

    private static readonly string[] RequestFields = ["severity", "openedAt", "asOf", "channel", "events"];

    /// <summary>Reads <paramref name="file"/>; returns null and fills <paramref name="problems"/> when it is not a
    /// well-formed example file.</summary>
    public static PolicyExampleFile? Read(string file, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        JsonNode? root;
        try
        {
            root = YamlToJson.Convert(System.IO.File.ReadAllText(file));
        }
        catch (YamlException ex)
        {
            problems.Add($"is not valid YAML (line {ex.Start.Line}): {ex.Message}");
            return null;
        }
        if (root is not JsonObject obj || obj["policy"] is not JsonValue policy || obj["examples"] is not JsonArray list)
        {
            problems.Add("must have 'policy' (the policy file, relative to this one) and 'examples' (a list).");
            return null;
        }
        var examples = new List<PolicyExample>();
        for (var i = 0; i < list.Count; i++)
        {
            var path = $"examples[{i}]";
            if (list[i] is not JsonObject item || item["name"] is not JsonValue name || item["expect"] is not JsonObject expect)
            {
                problems.Add($"{path}: needs a 'name' and an 'expect' map.");
                continue;
            }
            var unknown = item.Select(p => p.Key).Where(k => k is not ("name" or "expect") && !RequestFields.Contains(k)).ToList();
            if (unknown.Count > 0)
            {
                problems.Add($"{path}: unknown field(s) {string.Join(", ", unknown)}; use name, expect, {string.Join(", ", RequestFields)}.");
                continue;
            }
            var request = new JsonObject();
            foreach (var field in RequestFields.Where(f => item[f] is not null))
            {
                request[field] = item[field]!.DeepClone();
            }
            examples.Add(new PolicyExample { Name = name.ToString(), Path = path, Request = request, Expect = (JsonObject)expect.DeepClone() });
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        return new PolicyExampleFile { File = file, PolicyFile = Path.GetFullPath(Path.Combine(folder, policy.ToString())), Examples = examples };
    }
}
