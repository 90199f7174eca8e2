using NodaTime;

namespace SlaFunctions.Policies.Building;

/// <summary>Where the day off goes when a holiday falls at a weekend.</summary>
public enum ObservedShift
{
    /// <summary>It stays where it falls.</summary>
    None,

    /// <summary>Saturday to the Friday before, Sunday to the Monday after (US federal practice).</summary>
    NearestWeekday,

    /// <summary>Saturday to the Friday before; Sunday stays.</summary>
    SaturdayToFriday,

    /// <summary>Sunday to the Monday after; Saturday stays.</summary>
    SundayToMonday,

    /// <summary>Saturday and Sunday to the Monday after (UK substitute day).</summary>
    WeekendToMonday,
}

/// <summary>Applies an <see cref="ObservedShift"/> to a date.</summary>
public static class ObservedShifts
{
    /// <summary>The date the holiday on <paramref name="date"/> is observed on.</summary>
    public static LocalDate Apply(this ObservedShift shift, LocalDate date) => (shift, date.DayOfWeek) switch
    {
        (ObservedShift.NearestWeekday or ObservedShift.SaturdayToFriday, IsoDayOfWeek.Saturday) => date.PlusDays(-1),
        (ObservedShift.NearestWeekday or ObservedShift.SundayToMonday or ObservedShift.WeekendToMonday, IsoDayOfWeek.Sunday) => date.PlusDays(1),
        (ObservedShift.WeekendToMonday, IsoDayOfWeek.Saturday) => date.PlusDays(2),
        _ => date,
    };
}
