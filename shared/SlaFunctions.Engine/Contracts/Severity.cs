namespace SlaFunctions.Engine.Contracts;

/// <summary>One severity level of a policy and the targets it promises.</summary>
public sealed record Severity
{
    /// <summary>The severity's id, e.g. <c>1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, e.g. <c>Severity-1</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Other names ticket priorities may use, matched case-insensitively.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The targets, in policy order. A target with no timer for this severity is simply absent.</summary>
    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>The severity id the case drops to when a workaround is given; null when a workaround changes nothing.</summary>
    public string? OnWorkaround { get; init; }

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public Target? FindTarget(string name) => Targets.FirstOrDefault(t => t.Name == name);
}
