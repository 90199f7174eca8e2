using NodaTime;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Tests.Calendars;

/// <summary>The slowest possible check: asks the engine's <see cref="BusinessCalendar.IsOpenAt"/> about every minute.</summary>
/// <remarks>Exact for calendars whose boundaries, starts and goals fall on whole minutes, which holds for every zone
/// the tests use (offsets and DST jumps are whole minutes). Tests only.</remarks>
internal static class MinuteWalk
{
    private static readonly Duration Minute = Duration.FromMinutes(1);

    /// <summary>The instant at which <paramref name="goal"/> of open minutes have passed since <paramref name="start"/>.</summary>
    public static Instant AddOpenTime(BusinessCalendar calendar, Instant start, Duration goal)
    {
        var remaining = (long)goal.TotalMinutes;
        var at = start;
        while (remaining > 0)
        {
            if (calendar.IsOpenAt(at))
            {
                remaining--;
            }
            at += Minute;
        }
        return at;
    }

    /// <summary>Open minutes in <c>[from, to)</c>.</summary>
    public static Duration OpenTimeBetween(BusinessCalendar calendar, Instant from, Instant to)
    {
        var minutes = 0;
        for (var at = from; at < to; at += Minute)
        {
            if (calendar.IsOpenAt(at))
            {
                minutes++;
            }
        }
        return Duration.FromMinutes(minutes);
    }
}
