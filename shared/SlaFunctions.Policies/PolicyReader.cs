using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies.Building;
using SlaFunctions.Policies.Documents;
using SlaFunctions.Policies.Reading;
using SlaFunctions.Policies.Rules;
using YamlDotNet.Core;

namespace SlaFunctions.Policies;

/// <summary>Reads policy documents (YAML or JSON), checks them against every rule, and builds engine policies.</summary>
public static class PolicyReader
{
    /// <summary>Reads the policy file at <paramref name="path"/>; <c>holidaysFrom</c> paths are relative to its folder.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static PolicyReadResult ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = FormatOf(path);
        return Read(File.ReadAllText(path), format, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>The format a file name implies: JSON for <c>.json</c>, else YAML.</summary>
    public static PolicyFormat FormatOf(string path) =>
        string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase) ? PolicyFormat.Json : PolicyFormat.Yaml;

    /// <summary>Reads a policy from text.</summary>
    /// <param name="text">The document.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="baseDirectory">Where <c>holidaysFrom</c> files are found; null refuses them (an inline policy may
    /// not read the server's files).</param>
    public static PolicyReadResult Read(string text, PolicyFormat format, string? baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new PolicyProblems();
        JsonNode? root;
        try
        {
            root = format == PolicyFormat.Json ? JsonNode.Parse(text) : YamlToJson.Convert(text);
        }
        catch (JsonException ex)
        {
            problems.Add("", $"is not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}): {ex.Message}");
            return new PolicyReadResult { Problems = problems.Items };
        }
        catch (YamlException ex)
        {
            problems.Add("", $"is not valid YAML (line {ex.Start.Line}, column {ex.Start.Column}): {ex.Message}");
            return new PolicyReadResult { Problems = problems.Items };
        }
        return Read(root, baseDirectory);
    }

    /// <summary>Reads a policy from an already parsed JSON tree (e.g. the <c>policy</c> of a preview request).</summary>
    /// <remarks>A document with <c>versions</c> gives its first version, holding the later ones
    /// (<see cref="Policy.LaterVersions"/>); every version is checked against every rule.</remarks>
    public static PolicyReadResult Read(JsonNode? root, string? baseDirectory)
    {
        var problems = new PolicyProblems();
        var (firstRoot, later) = VersionReader.Split(root, problems);
        var firstProblems = new PolicyProblems();
        var (first, firstDocument, holidays) = ReadVersion(firstRoot, baseDirectory, firstProblems);
        var found = new List<PolicyProblem>(firstProblems.Items);
        var versions = new List<(Instant From, bool MovesOpenCases, Policy Policy)>();
        var (before, beforeProblems, lastDocument) = (first, firstProblems.Items, firstDocument);
        foreach (var entry in later)
        {
            var own = new PolicyProblems();
            var (policy, document, _) = ReadVersion(entry.Document, baseDirectory, own);
            // A problem the version before it has too was listed there; it is not listed again for each version.
            found.AddRange(own.Items.Except(beforeProblems).Select(entry.Locate));
            if (entry.MovesOpenCases && before is not null && policy is not null
                && before.Severities.Select(s => s.Id).Except(policy.Severities.Select(s => s.Id)).ToList() is { Count: > 0 } dropped)
            {
                found.Add(new PolicyProblem($"{entry.Path}.severities",
                    $"an openCases version must keep every severity of the version before it, since open cases keep theirs; missing: {string.Join(", ", dropped)}."));
            }
            if (policy is not null && document is not null)
            {
                versions.Add((VersionReader.Start(entry.EffectiveFrom, document.Calendars.Values.Select(c => c.TimeZone)), entry.MovesOpenCases, policy));
                lastDocument = document;
            }
            (before, beforeProblems) = (policy, own.Items);
        }
        foreach (var problem in found)
        {
            problems.Add(problem.Path, problem.Message);
        }
        if (!problems.IsEmpty || first is null)
        {
            return new PolicyReadResult { Problems = problems.Items };
        }
        // Every version carries the document's fingerprint, stamped before they are linked, so each version reached
        // through the links is the same one LaterVersions holds.
        var fingerprint = Fingerprint(root!, holidays);
        return new PolicyReadResult
        {
            Policy = VersionChain.Link(first with { Fingerprint = fingerprint }, [.. versions.Select(v => v with { Policy = v.Policy with { Fingerprint = fingerprint } })]),
            Problems = [],
            LastHolidays = LastHolidays(lastDocument!, holidays),
        };
    }

    // One version as a whole document: its shape, every rule, its holiday files, then the engine policy.
    private static (Policy? Policy, PolicyDocument? Document, Dictionary<string, IReadOnlyList<LocalDate>> Holidays) ReadVersion(
        JsonNode? root, string? baseDirectory, PolicyProblems problems)
    {
        var document = new PolicyDocumentReader(problems).Read(root);
        if (document is null)
        {
            return (null, null, []);
        }
        foreach (var rule in PolicyRules.All)
        {
            rule.Check(document, problems);
        }
        var holidays = ImportHolidays(document, baseDirectory, problems);
        return problems.IsEmpty ? (PolicyBuilder.Build(document, holidays), document, holidays) : (null, document, holidays);
    }

    // A digest of the parsed document (so editing a comment changes nothing) and of the dates imported from holiday
    // files (so editing one of those changes it).
    private static string Fingerprint(JsonNode root, Dictionary<string, IReadOnlyList<LocalDate>> holidays)
    {
        var dates = string.Join("\n", holidays.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + ":" + string.Join(",", h.Value)));
        var bytes = System.Text.Encoding.UTF8.GetBytes(root.ToJsonString() + "\n" + dates);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
    }

    private static Dictionary<string, LocalDate> LastHolidays(PolicyDocument document, Dictionary<string, IReadOnlyList<LocalDate>> imported)
    {
        var last = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        foreach (var (name, calendar) in document.Calendars)
        {
            var dates = calendar.Holidays.Select(h => NodaTime.Text.LocalDatePattern.Iso.Parse(h).Value)
                .Concat(imported.TryGetValue(name, out var fromFile) ? fromFile : [])
                .Concat(HolidayRules.Expand(calendar.HolidayRules))
                .ToList();
            if (dates.Count > 0)
            {
                last[name] = dates.Max();
            }
        }
        return last;
    }

    private static Dictionary<string, IReadOnlyList<LocalDate>> ImportHolidays(PolicyDocument document, string? baseDirectory, PolicyProblems problems)
    {
        var imported = new Dictionary<string, IReadOnlyList<LocalDate>>();
        foreach (var (name, calendar) in document.Calendars)
        {
            if (calendar.HolidaysFrom is not { } file)
            {
                continue;
            }
            var path = $"calendars.{name}.holidaysFrom";
            if (baseDirectory is null)
            {
                problems.Add(path, "an inline policy cannot read files; list the dates under 'holidays' instead.");
                continue;
            }
            var full = Path.GetFullPath(Path.Combine(baseDirectory, file));
            if (!File.Exists(full))
            {
                problems.Add(path, $"'{file}' was not found next to the policy file ({full}).");
                continue;
            }
            try
            {
                imported[name] = HolidayFile.Read(File.ReadAllText(full));
            }
            catch (FormatException ex)
            {
                problems.Add(path, $"'{file}': {ex.Message}");
            }
        }
        return imported;
    }
}
