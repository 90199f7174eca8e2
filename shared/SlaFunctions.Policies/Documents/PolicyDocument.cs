namespace SlaFunctions.Policies.Documents;

/// <summary>A policy file as written: one support contract.</summary>
/// <remarks>Values stay as written (strings) until the rules have checked them; null means absent.</remarks>
public sealed record PolicyDocument
{
    /// <summary>Required. Lowercase letters, digits and <c>-</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Required. Display name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional free text.</summary>
    public string? Description { get; init; }

    /// <summary>Optional: <c>fromStart</c> (default), <c>restart</c> or <c>carryOver</c>.</summary>
    public string? OnSeverityChange { get; init; }

    /// <summary>Optional statuses that pause resolution and update; null means <c>[pending]</c>.</summary>
    public IReadOnlyList<string>? PauseOn { get; init; }

    /// <summary>Optional severity id or alias for tickets whose priority maps to none.</summary>
    public string? DefaultSeverity { get; init; }

    /// <summary>Optional per-channel settings, by channel name (e.g. <c>email</c>).</summary>
    public IReadOnlyDictionary<string, ChannelDocument> Channels { get; init; } = new Dictionary<string, ChannelDocument>();

    /// <summary>Required calendars by name; <c>24x7</c> is built in.</summary>
    public IReadOnlyDictionary<string, CalendarDocument> Calendars { get; init; } = new Dictionary<string, CalendarDocument>();

    /// <summary>Required, at least one.</summary>
    public IReadOnlyList<SeverityDocument> Severities { get; init; } = [];

    /// <summary>Optional escalation rules.</summary>
    public IReadOnlyList<EscalationDocument> Escalations { get; init; } = [];
}
