using System.Runtime.CompilerServices;
using NodaTime;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Clocks;

/// <summary>One run of a target's clock: open time of a calendar from a start, less pauses.</summary>
/// <remarks>Positions are open time used. A point at a position before the goal sits at the earliest instant the clock
/// reaches it, so a goal used up exactly at closing time, or exactly when a pause begins, is reached then. A point at
/// or past the goal sits at the due and the open time after it: for a business-day goal the due can be an opening
/// after the instant the goal's open time ran out (spec: Durations, businessDays), and every point is placed against
/// that due.</remarks>
internal sealed class TargetClock
{
    private readonly IReadOnlyList<Pause> _pauses;
    private readonly Instant? _exactDue;
    // A business-day due, worked out once: every point at or past the goal (a breach, each repeat after it) is placed
    // from it. A reference is written whole, so two threads at worst both work it out. An open-time due is one walk,
    // and no point asks for it.
    private StrongBox<Instant?>? _due;

    /// <param name="calendar">Whose open time counts.</param>
    /// <param name="start">When the clock starts.</param>
    /// <param name="goal">Open time to due.</param>
    /// <param name="pauses">Sorted, not overlapping; only the last may be open-ended.</param>
    /// <param name="exactDue">For a business-day goal: its due when no pause covers open time before it; the
    /// <paramref name="goal"/> is then the open time from <paramref name="start"/> to it.</param>
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

    /// <summary>When the goal is used up; null when an open-ended pause comes first. For a business-day goal, its exact
    /// due, pushed out by exactly the open time paused before it (a pause that covers no open time changes nothing).</summary>
    public Instant? Due => _exactDue is { } exact ? (_due ??= new StrongBox<Instant?>(ExactDue(exact))).Value : Walk(Start, Goal);

    private Instant? ExactDue(Instant exact)
    {
        var used = Walk(Start, Goal);
        return used is { } reached && reached < exact ? exact : used;
    }

    /// <summary>This run with other pauses (e.g. those before an instant), the same goal and exact due.</summary>
    public TargetClock WithPauses(IReadOnlyList<Pause> pauses) => new(Calendar, Start, Goal, pauses, _exactDue);

    /// <summary>Where a point <paramref name="position"/> of open time into the run sits: before the goal, the earliest
    /// instant that much open time has been used; at or past it, the due and then the open time beyond it. Null when an
    /// open-ended pause begins first.</summary>
    public Instant? InstantAt(Duration position)
    {
        if (_exactDue is null || position < Goal)
        {
            return Walk(Start, position);
        }
        return Due is { } due ? Walk(due, position - Goal) : null;
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

    // The earliest instant at which `amount` of unpaused open time has passed since `from` (`from` itself for none);
    // null when an open-ended pause begins first.
    private Instant? Walk(Instant from, Duration amount)
    {
        if (amount == Duration.Zero)
        {
            // The earliest instant with nothing used is the start itself, paused or not.
            return from;
        }
        var cursor = from;
        var remaining = amount;
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
}
