namespace SlaFunctions.Monitoring.Catalog;

/// <summary>One severity of a <see cref="PolicySummary"/>.</summary>
public sealed record SeveritySummary
{
    /// <summary>Its id.</summary>
    public required string Id { get; init; }

    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>Ticket priorities that mean it.</summary>
    public required IReadOnlyList<string> Aliases { get; init; }

    /// <summary>Its targets: name, calendar and goal (ISO-8601, as the preview API writes it).</summary>
    public required IReadOnlyList<TargetSummary> Targets { get; init; }
}
