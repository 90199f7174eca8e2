namespace SlaFunctions.Monitoring.Catalog;

/// <summary>One calendar's open time in a window, for shading closed hours on a time axis.</summary>
public sealed record CalendarHours
{
    /// <summary>The calendar's name.</summary>
    public required string Name { get; init; }

    /// <summary>The IANA zone its hours are read in.</summary>
    public required string TimeZone { get; init; }

    /// <summary>The open intervals overlapping the window, clipped to it, in order; everything else is closed.</summary>
    public required IReadOnlyList<OpenSpan> Open { get; init; }

    /// <summary>Local dates in the window closed all day although the same weekday a week before or after has hours:
    /// holidays and closing overrides.</summary>
    public required IReadOnlyList<string> ClosedDays { get; init; }
}
