namespace SlaFunctions.Policies.Documents;

/// <summary>A holiday that comes back every year, as written under a calendar's <c>holidayRules</c>. Exactly one form:
/// a fixed date (<see cref="Month"/> and <see cref="Day"/>), the n-th or last weekday of a month (<see cref="Month"/>,
/// <see cref="Weekday"/> and <see cref="Week"/>), or a number of days from another rule's holiday
/// (<see cref="RelativeTo"/> and <see cref="Days"/>).</summary>
public sealed record HolidayRuleDocument
{
    /// <summary>Required, unique in the calendar: how the holiday is called (and how a relative rule names it).</summary>
    public string? Name { get; init; }

    /// <summary><c>jan</c>..<c>dec</c>.</summary>
    public string? Month { get; init; }

    /// <summary>Day of the month, for a fixed date.</summary>
    public int? Day { get; init; }

    /// <summary><c>mon</c>..<c>sun</c>, for the n-th weekday of a month.</summary>
    public string? Weekday { get; init; }

    /// <summary><c>first</c>, <c>second</c>, <c>third</c>, <c>fourth</c> or <c>last</c>, with <see cref="Weekday"/>.</summary>
    public string? Week { get; init; }

    /// <summary>The name of another rule in the same calendar; this holiday is <see cref="Days"/> days from that one's
    /// own date (before any observed shift).</summary>
    public string? RelativeTo { get; init; }

    /// <summary>Days after (negative: before) the holiday named by <see cref="RelativeTo"/>.</summary>
    public int? Days { get; init; }

    /// <summary>Where the day off goes when the holiday falls at a weekend: <c>none</c> (the default),
    /// <c>nearestWeekday</c> (Saturday to Friday, Sunday to Monday), <c>saturdayToFriday</c>, <c>sundayToMonday</c> or
    /// <c>weekendToMonday</c>.</summary>
    public string? Observed { get; init; }
}
