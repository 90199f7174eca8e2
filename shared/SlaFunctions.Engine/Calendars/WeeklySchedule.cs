using NodaTime;

namespace SlaFunctions.Engine.Calendars;

/// <summary>Weekly hours, less holidays, with per-date overrides.</summary>
internal sealed class WeeklySchedule : OpeningSchedule
{
    private readonly WeeklyHours _hours;
    private readonly LocalDate[] _exceptions;
    private readonly HashSet<LocalDate> _holidays;
    private readonly Dictionary<LocalDate, OpeningInterval[]> _overrides;

    public WeeklySchedule(WeeklyHours hours, IEnumerable<LocalDate> holidays, IReadOnlyDictionary<LocalDate, IReadOnlyList<OpeningInterval>> overrides)
    {
        _hours = hours;
        _holidays = [.. holidays];
        _overrides = overrides.ToDictionary(o => o.Key, o => o.Value.OrderBy(i => i.StartMinute).ToArray());
        _exceptions = [.. _holidays.Concat(_overrides.Keys).Distinct().Order()];
    }

    public override int MinutesPerOrdinaryWeek => _hours.MinutesPerWeek;

    public override OpeningInterval[] On(LocalDate date)
    {
        // An override is the whole truth for its date, so a half-day holiday is an override with shorter hours.
        if (_overrides.TryGetValue(date, out var special))
        {
            return special;
        }
        // A holiday closes intervals that start on it; one that starts the day before is untouched (spec: Holidays).
        return _holidays.Contains(date) ? [] : _hours.ArrayOn(date.DayOfWeek);
    }

    public override bool TryGetOrdinaryWeek(LocalDate monday, out int minutes)
    {
        minutes = MinutesPerOrdinaryWeek;
        return !HasExceptionBetween(monday.PlusDays(-1), monday.PlusDays(6));
    }

    private bool HasExceptionBetween(LocalDate first, LocalDate last)
    {
        var index = Array.BinarySearch(_exceptions, first);
        if (index < 0)
        {
            index = ~index;
        }
        return index < _exceptions.Length && _exceptions[index] <= last;
    }
}
