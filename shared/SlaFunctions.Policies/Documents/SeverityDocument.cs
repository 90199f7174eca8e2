namespace SlaFunctions.Policies.Documents;

/// <summary>A severity as written.</summary>
public sealed record SeverityDocument
{
    /// <summary>Required id (YAML numbers are read as text).</summary>
    public string? Id { get; init; }

    /// <summary>Required display name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional other names, matched case-insensitively.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Optional severity id or alias the case drops to when a workaround is given.</summary>
    public string? OnWorkaround { get; init; }

    /// <summary>Targets by name, in the order written.</summary>
    public IReadOnlyList<KeyValuePair<string, TargetDocument>> Targets { get; init; } = [];
}
