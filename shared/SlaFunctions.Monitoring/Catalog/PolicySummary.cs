namespace SlaFunctions.Monitoring.Catalog;

/// <summary>A loaded policy as the board's filters and the playground need it.</summary>
public sealed record PolicySummary
{
    /// <summary>The policy's id.</summary>
    public required string Id { get; init; }

    /// <summary>Its display name.</summary>
    public required string Name { get; init; }

    /// <summary>Statuses that pause resolution and update (open, pending, onHold...).</summary>
    public required IReadOnlyList<string> PauseOn { get; init; }

    /// <summary>Its calendars' names, <c>24x7</c> included.</summary>
    public required IReadOnlyList<string> Calendars { get; init; }

    /// <summary>Its severities, most severe first.</summary>
    public required IReadOnlyList<SeveritySummary> Severities { get; init; }
}
