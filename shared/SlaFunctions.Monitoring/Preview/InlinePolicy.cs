using System.Text.Json;
using System.Text.Json.Nodes;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies;
using SlaFunctions.Monitoring.Problems;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>A policy sent with a request as <c>policy</c>: a JSON document, or a string holding the YAML (or JSON)
/// text of a policy file, as pasted into the playground. Problems are reported under <c>policy.</c>.</summary>
public static class InlinePolicy
{
    /// <summary>True when <paramref name="node"/> has a shape <see cref="Read"/> takes: an object or a string.</summary>
    public static bool IsReadable(JsonNode? node) =>
        node is JsonObject || (node is JsonValue value && value.GetValueKind() == JsonValueKind.String);

    /// <summary>The policy in <paramref name="node"/>, or null with every problem in <paramref name="errors"/>.</summary>
    public static Policy? Read(JsonNode node, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(errors);
        // An inline policy may not read the server's files, so there is no base directory for holidaysFrom.
        var read = node is JsonValue text && text.GetValueKind() == JsonValueKind.String
            ? PolicyReader.Read(text.GetValue<string>(), PolicyFormat.Yaml, baseDirectory: null)
            : PolicyReader.Read(node, baseDirectory: null);
        errors.AddRange(ProblemsOf(read));
        return read.Policy;
    }

    /// <summary>The problems of <paramref name="read"/> as a request's, under <c>policy.</c> (<c>policy</c> itself for
    /// the document as a whole).</summary>
    public static IEnumerable<ProblemError> ProblemsOf(PolicyReadResult read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return read.Problems.Select(p => new ProblemError(p.Path.Length == 0 ? "policy" : $"policy.{p.Path}", p.Message));
    }
}
