using NodaTime;

namespace SlaFunctions.Engine.Calendars;

/// <summary>Which wall-clock intervals are open on each local date: the zone-free half of a calendar.</summary>
internal abstract class OpeningSchedule
{
    /// <summary>The intervals that start on <paramref name="date"/>, sorted, not overlapping.</summary>
    public abstract OpeningInterval[] On(LocalDate date);

    /// <summary>True when the intervals starting on the seven dates from <paramref name="monday"/> are the plain weekly
    /// pattern and so are those of the day before (which can run into the week); then <paramref name="minutes"/> is
    /// their total wall-clock length.</summary>
    public abstract bool TryGetOrdinaryWeek(LocalDate monday, out int minutes);

    /// <summary>Open wall-clock minutes in an ordinary week; a schedule with none cannot meet a goal.</summary>
    public abstract int MinutesPerOrdinaryWeek { get; }
}
