using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>One source's words for statuses and priorities: the connection's own entries first, then the adapter's
/// defaults. Keys are matched case-insensitively after trimming.</summary>
internal sealed class ToolVocabulary
{
    private readonly ConnectionMapping _mapping;
    private readonly IReadOnlyDictionary<string, CaseStatus> _defaultStatuses;
    private readonly IReadOnlyDictionary<string, string> _defaultPriorities;

    /// <summary>Creates the vocabulary. The default tables must use <see cref="StringComparer.OrdinalIgnoreCase"/>.</summary>
    public ToolVocabulary(ConnectionMapping mapping, IReadOnlyDictionary<string, CaseStatus> defaultStatuses, IReadOnlyDictionary<string, string>? defaultPriorities = null)
    {
        _mapping = mapping;
        _defaultStatuses = defaultStatuses;
        _defaultPriorities = defaultPriorities ?? new Dictionary<string, string>();
    }

    /// <summary>The connection's settings.</summary>
    public ConnectionMapping Mapping => _mapping;

    /// <summary>The case status <paramref name="toolStatus"/> maps to, or null when neither table knows it.</summary>
    public CaseStatus? Status(string? toolStatus)
    {
        if (string.IsNullOrWhiteSpace(toolStatus))
        {
            return null;
        }
        var key = toolStatus.Trim();
        return Lookup(_mapping.Statuses, key, out var mapped) ? mapped
            : _defaultStatuses.TryGetValue(key, out var fallback) ? fallback
            : null;
    }

    /// <summary>The case status <paramref name="toolStatus"/> maps to; records a problem naming the fix when it maps to
    /// none.</summary>
    public CaseStatus? RequiredStatus(PayloadReader reader, string name, string? toolStatus)
    {
        var status = Status(toolStatus);
        if (status is null && toolStatus is not null)
        {
            reader.Problem(name, $"status '{toolStatus}' maps to no case status; add it to the connection's status map "
                + "as open, pending, onHold, solved or closed.");
        }
        return status;
    }

    /// <summary>The severity id or alias <paramref name="priority"/> maps to, and the note to record when it maps to
    /// none.</summary>
    public (string? Severity, string? Note) Severity(string? priority)
    {
        if (string.IsNullOrWhiteSpace(priority))
        {
            return (null, "The ticket has no priority, so no severity was taken from it; the policy's default applies.");
        }
        var key = priority.Trim();
        var severity = Lookup(_mapping.Priorities, key, out var mapped) ? mapped
            : _defaultPriorities.TryGetValue(key, out var fallback) ? fallback
            : _mapping.PassUnmappedPriorities ? key
            : "";
        severity = severity.Trim();
        return severity.Length > 0
            ? (severity, null)
            : (null, $"Priority '{key}' maps to no severity in this connection; the policy's default applies.");
    }

    // The connection's tables come from configuration and may use any comparer, so they are searched case-insensitively here.
    private static bool Lookup<T>(IReadOnlyDictionary<string, T> table, string key, out T value)
    {
        if (table.TryGetValue(key, out value!))
        {
            return true;
        }
        foreach (var (candidate, mapped) in table)
        {
            if (string.Equals(candidate.Trim(), key, StringComparison.OrdinalIgnoreCase))
            {
                value = mapped;
                return true;
            }
        }
        return false;
    }
}
