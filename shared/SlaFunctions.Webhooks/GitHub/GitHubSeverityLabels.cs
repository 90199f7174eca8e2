using System.Globalization;

namespace SlaFunctions.Webhooks.GitHub;

/// <summary>Finds an issue's priority in its labels, using the connection's label prefixes.</summary>
internal static class GitHubSeverityLabels
{
    /// <summary>The priority the labels carry (the label less its prefix), the label it came from, and a note when
    /// several labels carry one; all null when none does.</summary>
    /// <remarks>Recomputed from the full label list on every event, not from the one label added or removed, so a
    /// relabelling never leaves a stale severity behind. With several, the one with the smallest number wins (sev1
    /// before sev3): during a relabel both labels are briefly present, and the more severe one is the safe reading.</remarks>
    public static (string? Priority, string? Note) Find(IEnumerable<string> labels, IReadOnlyList<string> prefixes)
    {
        var found = new List<(string Label, string Priority)>();
        foreach (var label in labels)
        {
            if (PriorityOf(label, prefixes) is { } priority)
            {
                found.Add((label, priority));
            }
        }
        if (found.Count == 0)
        {
            return (null, null);
        }
        var chosen = found.OrderBy(f => Rank(f.Priority)).First();
        var note = found.Count == 1 ? null
            : $"Several severity labels ({string.Join(", ", found.Select(f => f.Label))}); took {chosen.Label}.";
        return (chosen.Priority, note);
    }

    /// <summary>The priority <paramref name="label"/> carries, or null when it is not a severity label.</summary>
    public static string? PriorityOf(string? label, IReadOnlyList<string> prefixes)
    {
        if (label is null)
        {
            return null;
        }
        foreach (var prefix in prefixes)
        {
            if (prefix.Length == 0 || !label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var rest = label[prefix.Length..].Trim();
            // A prefix that ends in a letter (sev, p) needs a digit after it: sev1 is a severity, severe is not.
            if (rest.Length > 0 && (!char.IsLetter(prefix[^1]) || char.IsAsciiDigit(rest[0])))
            {
                return rest;
            }
        }
        return null;
    }

    private static int Rank(string priority)
    {
        var digits = new string(priority.SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }
}
