namespace SlaFunctions.Monitoring.Catalog;

/// <summary>The answer to <c>POST /api/calendars/open</c>: each calendar of a policy over <c>[From, To)</c>.</summary>
public sealed record CalendarWindow
{
    /// <summary>The policy's id.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The window's start, UTC.</summary>
    public required string From { get; init; }

    /// <summary>The window's end (exclusive), UTC.</summary>
    public required string To { get; init; }

    /// <summary>Every calendar of the policy, <c>24x7</c> included.</summary>
    public required IReadOnlyList<CalendarHours> Calendars { get; init; }
}
