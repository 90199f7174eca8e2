namespace SlaFunctions.Policies.Documents;

/// <summary>An escalation rule as written.</summary>
public sealed record EscalationDocument
{
    /// <summary>Optional stable id; derived from target and trigger when absent.</summary>
    public string? Id { get; init; }

    /// <summary>Target name; required unless <see cref="EscalationAtDocument.Event"/> is used.</summary>
    public string? Target { get; init; }

    /// <summary>Optional severity ids or aliases the rule is limited to.</summary>
    public IReadOnlyList<string> Severities { get; init; } = [];

    /// <summary>Required: where it fires.</summary>
    public EscalationAtDocument? At { get; init; }

    /// <summary>Optional repeat interval of open time.</summary>
    public string? Every { get; init; }

    /// <summary>Required roles and/or email addresses.</summary>
    public IReadOnlyList<string> Notify { get; init; } = [];
}
