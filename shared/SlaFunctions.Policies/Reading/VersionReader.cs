using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using static SlaFunctions.Policies.Reading.ShapeReader;

namespace SlaFunctions.Policies.Reading;

/// <summary>Splits a policy document into its first version (everything but <c>versions</c>) and its later versions,
/// each the one before it with its changes merged in: maps merge key by key, a list or a value replaces the one before,
/// <c>null</c> removes a field.</summary>
internal static class VersionReader
{
    private static readonly string[] Kept = ["id", "versions", "$schema"];

    public static (JsonNode? First, IReadOnlyList<VersionEntry> Later) Split(JsonNode? root, PolicyProblems problems)
    {
        if (root is not JsonObject obj || !obj.TryGetPropertyValue("versions", out var listed))
        {
            return (root, []);
        }
        var first = (JsonObject)obj.DeepClone();
        first.Remove("versions");
        if (listed is not JsonArray list || list.Count == 0)
        {
            problems.Add("versions", "must be a list of versions, each with 'effectiveFrom: YYYY-MM-DD' and the fields it changes; remove it when the policy has one version.");
            return (first, []);
        }
        var entries = new List<VersionEntry>();
        var before = first;
        LocalDate? lastDate = null;
        for (var i = 0; i < list.Count; i++)
        {
            var path = Item("versions", i);
            if (list[i] is not JsonObject item)
            {
                problems.Add(path, "must be a map with 'effectiveFrom' and the fields this version changes.");
                continue;
            }
            var date = Date(item, path, lastDate, problems);
            var moves = AppliesTo(item, path, problems);
            var changes = new JsonObject();
            foreach (var (key, value) in item)
            {
                if (key is "effectiveFrom" or "appliesTo")
                {
                    continue;
                }
                if (Kept.Contains(key, StringComparer.Ordinal))
                {
                    problems.Add(Child(path, key), $"cannot change in a version; '{key}' belongs to the whole policy. Remove it here.");
                    continue;
                }
                changes[key] = value?.DeepClone();
            }
            if (date is not { } from)
            {
                continue;
            }
            lastDate = from;
            before = Merge(before, changes);
            entries.Add(new VersionEntry(i, from, moves, changes, before));
        }
        return (first, entries);
    }

    /// <summary>The instant a version's date begins: midnight in the time zone of the document's first calendar that
    /// names one (the zone the contract is kept in), else UTC.</summary>
    public static Instant Start(LocalDate date, IEnumerable<string?> zones)
    {
        var zone = zones.Select(z => ZoneText.TryParse(z, out var parsed) ? parsed : null).FirstOrDefault(z => z is not null) ?? DateTimeZone.Utc;
        return date.AtStartOfDayInZone(zone).ToInstant();
    }

    private static LocalDate? Date(JsonObject item, string path, LocalDate? after, PolicyProblems problems)
    {
        var at = Child(path, "effectiveFrom");
        if (item["effectiveFrom"] is not JsonValue value)
        {
            problems.Add(at, "is required: the date this version is in force from, as YYYY-MM-DD (e.g. 2026-11-01).");
            return null;
        }
        var text = value.ToString();
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            problems.Add(at, $"'{text}' is not a date; write YYYY-MM-DD (e.g. 2026-11-01).");
            return null;
        }
        if (after is { } last && parsed.Value <= last)
        {
            problems.Add(at, $"{text} must be after the version before it ({last:uuuu-MM-dd}); list versions oldest first.");
            return null;
        }
        return parsed.Value;
    }

    private static bool AppliesTo(JsonObject item, string path, PolicyProblems problems)
    {
        var text = item["appliesTo"] is JsonValue value ? value.ToString() : null;
        switch (text)
        {
            case null or "newCases":
                return false;
            case "openCases":
                return true;
            default:
                problems.Add(Child(path, "appliesTo"), $"'{text}' is not known; write newCases (cases opened from the date, the default) or openCases (also cases still open at the date).");
                return false;
        }
    }

    // RFC 7396 merge: maps merge key by key, null removes, anything else replaces.
    private static JsonObject Merge(JsonObject before, JsonObject changes)
    {
        var merged = (JsonObject)before.DeepClone();
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else if (value is JsonObject map && merged[key] is JsonObject existing)
            {
                merged[key] = Merge(existing, map);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }
        return merged;
    }
}
