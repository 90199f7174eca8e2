using NodaTime;

namespace SlaFunctions.Engine.Calendars;

/// <summary>Opening intervals for each day of the week, in local wall-clock time.</summary>
/// <remarks>Immutable. Each day's intervals are sorted by opening. A day with no intervals is closed.</remarks>
public sealed class WeeklyHours
{
    private readonly OpeningInterval[][] _days = new OpeningInterval[8][];

    /// <summary>Creates weekly hours from a map of day to intervals; missing days are closed.</summary>
    public WeeklyHours(IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpeningInterval>> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var intervals = days.TryGetValue(day, out var list) ? list.OrderBy(i => i.StartMinute).ToArray() : [];
            _days[(int)day] = intervals;
            MinutesPerWeek += intervals.Sum(i => i.LengthMinutes);
        }
    }

    /// <summary>Open wall-clock minutes in one ordinary week (no holidays, no DST change).</summary>
    public int MinutesPerWeek { get; }

    /// <summary>The intervals that start on <paramref name="day"/>, sorted by opening.</summary>
    public IReadOnlyList<OpeningInterval> On(IsoDayOfWeek day) => _days[(int)day];

    internal OpeningInterval[] ArrayOn(IsoDayOfWeek day) => _days[(int)day];
}
