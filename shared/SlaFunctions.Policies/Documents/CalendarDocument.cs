namespace SlaFunctions.Policies.Documents;

/// <summary>A calendar as written: weekly hours in a zone, or the complement of another calendar.</summary>
public sealed record CalendarDocument
{
    /// <summary>IANA id, <c>UTC</c>, or <c>UTC±HH:MM</c>. Required unless <see cref="ComplementOf"/> is given.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Day key (<c>mon</c>..<c>sun</c>) to a list of <c>HH:MM-HH:MM</c>; a missing day is closed.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Hours { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Local dates <c>YYYY-MM-DD</c> on which intervals that start then are closed.</summary>
    public IReadOnlyList<string> Holidays { get; init; } = [];

    /// <summary>Holidays that come back every year, expanded to dates from <see cref="Building.HolidaySpan.FirstYear"/> to
    /// <see cref="Building.HolidaySpan.LastYear"/>.</summary>
    public IReadOnlyList<HolidayRuleDocument> HolidayRules { get; init; } = [];

    /// <summary>Optional iCalendar file of holidays, relative to the policy file (all-day events).</summary>
    public string? HolidaysFrom { get; init; }

    /// <summary>Date <c>YYYY-MM-DD</c> to the hours that replace the weekly hours on it (empty list: closed).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Overrides { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Name of another calendar; this one is open exactly when that one is closed.</summary>
    public string? ComplementOf { get; init; }
}
