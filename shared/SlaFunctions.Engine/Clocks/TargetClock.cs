using NodaTime;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Clocks;

/// <summary>One run of a target's clock: open time of a calendar from a start, less pauses.</summary>
/// <remarks>Positions are open time used. <see cref="InstantAt"/> is the earliest instant the clock reaches a position,
/// so a goal used up exactly at closing time, or exactly when a pause begins, is reached then.</remarks>
internal sealed class TargetClock
{
    private readonly IReadOnlyList<Pause> _pauses;
    private readonly Instant? _exactDue;

    /// <param name="calendar">Whose open time counts.</param>
    /// <param name="start">When the clock starts.</param>
    /// <param name="goal">Open time to due.</param>
    /// <param name="pauses">Sorted, not overlapping; only the last may be open-ended.</param>
    /// <param name="exactDue">For a business-day goal: its due instant, used as is when no pause falls before it.</param>
    public TargetClock(BusinessCalendar calendar, Instant start, Duration goal, IReadOnlyList<Pause> pauses, Instant? exactDue = null)
    {
        Calendar = calendar;
        Start = start;
        Goal = goal;
        _pauses = pauses;
        _exactDue = exactDue;
    }

    public BusinessCalendar Calendar { get; }

    public Instant Start { get; }

    public Duration Goal { get; }

    /// <summary>When the goal is used up; null when an open-ended pause comes first.</summary>
    public Instant? Due => _exactDue is { } exact && !_pauses.Any(p => p.Start < exact && (p.End ?? Instant.MaxValue) > Start)
        ? exact
        : InstantAt(Goal);

    /// <summary>The earliest instant at which <paramref name="position"/> of open time has been used; null when an
    /// open-ended pause begins first.</summary>
    public Instant? InstantAt(Duration position)
    {
        var cursor = Start;
        var remaining = position;
        foreach (var pause in _pauses)
        {
            if (pause.End is { } end && end <= cursor)
            {
                continue;
            }
            if (pause.Start > cursor)
            {
                var open = Calendar.OpenTimeBetween(cursor, pause.Start);
                if (remaining <= open)
                {
                    return Calendar.AddOpenTime(cursor, remaining);
                }
                remaining -= open;
            }
            if (pause.End is not { } resume)
            {
                return null;
            }
            cursor = resume > cursor ? resume : cursor;
        }
        return Calendar.AddOpenTime(cursor, remaining);
    }

    /// <summary>Open time used in <c>[Start, <paramref name="at"/>)</c>, less pauses.</summary>
    public Duration UsedAt(Instant at)
    {
        var cursor = Start;
        var used = Duration.Zero;
        foreach (var pause in _pauses)
        {
            if (cursor >= at)
            {
                return used;
            }
            if (pause.End is { } end && end <= cursor)
            {
                continue;
            }
            if (pause.Start > cursor)
            {
                used += Calendar.OpenTimeBetween(cursor, pause.Start < at ? pause.Start : at);
            }
            if (pause.End is not { } resume)
            {
                return used;
            }
            cursor = resume > cursor ? resume : cursor;
        }
        return used + Calendar.OpenTimeBetween(cursor, at);
    }
}
