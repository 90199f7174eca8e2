namespace SlaFunctions.Webhooks.GitHub;

/// <summary>Reads the assignee group (team) from GitHub labels that start with
/// <see cref="ConnectionMapping.GroupLabelPrefix"/>, e.g. <c>team: Level 2</c> → <c>Level 2</c>.</summary>
internal static class GitHubTeamLabels
{
    /// <summary>The group <paramref name="label"/> names (the rest after the prefix, trimmed; the prefix matched
    /// case-insensitively), or null when it is not a team label or names nothing.</summary>
    public static string? GroupOf(string? label, string prefix) =>
        label is not null && label.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && label[prefix.Length..].Trim() is { Length: > 0 } group
            ? group
            : null;

    /// <summary>What the first of <paramref name="labels"/> with <paramref name="prefix"/> names, or null.</summary>
    public static string? FirstOf(IEnumerable<string?> labels, string prefix) =>
        labels.Select(l => GroupOf(l, prefix)).FirstOrDefault(g => g is not null);

    /// <summary>Whether <paramref name="action"/> sets the group, and to what (<paramref name="group"/>): an opening with
    /// a team label, a team label added (its group) or removed (the first team label the issue still carries, or null
    /// for no group). <paramref name="label"/> is the <c>label.name</c> of a labeled or unlabeled delivery,
    /// <paramref name="labels"/> the labels after the action, <paramref name="prefix"/> the team label prefix.</summary>
    public static bool TryChange(string action, string? label, IEnumerable<string> labels, string prefix, out string? group)
    {
        group = null;
        switch (action)
        {
            case "opened":
                group = FirstOf(labels, prefix);
                return group is not null;
            case "labeled":
                group = GroupOf(label, prefix);
                return group is not null;
            case "unlabeled" when GroupOf(label, prefix) is not null:
                group = FirstOf(labels, prefix);
                return true;
            default:
                return false;
        }
    }
}
