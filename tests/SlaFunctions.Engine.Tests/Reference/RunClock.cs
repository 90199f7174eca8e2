using NodaTime;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>One run of a target's clock, counted minute by minute: a start, a calendar's open minutes, pauses, and a
/// goal of open minutes (D) or of business days (an exact due, G open minutes to it, pushed out by paused open time).
/// used(t) is the number of open, unpaused minutes in [start, t).</summary>
internal sealed class RunClock
{
    private const long TicksPerMinute = NodaConstants.TicksPerMinute;
    private readonly MinuteWindow _window;
    private readonly OpenMinutes _open;
    private readonly int _start;
    private readonly int? _exact;
    private (int From, long Count, int Index) _lastWalk = (-1, 0, 0);
    private Lazy<Instant?>? _due;
    private (int From, int To)[]? _pausedMinutes;

    private RunClock(MinuteWindow window, OpenMinutes open, Instant start, int goalMinutes, int? exact, IReadOnlyList<(Instant Start, Instant? End)> pauses)
    {
        _window = window;
        _open = open;
        _start = window.IndexOf(start);
        GoalMinutes = goalMinutes;
        _exact = exact;
        Pauses = pauses;
        Start = start;
    }

    /// <summary>When this clock starts.</summary>
    public Instant Start { get; }

    /// <summary>D, or G for a business-day clock: what the rules' positions are measured against.</summary>
    public int GoalMinutes { get; }

    /// <summary>The stretches during which the clock does not count; the last may have no end.</summary>
    public IReadOnlyList<(Instant Start, Instant? End)> Pauses { get; }

    /// <summary>A clock that is due after <paramref name="goalMinutes"/> open, unpaused minutes.</summary>
    public static RunClock OpenTime(MinuteWindow window, OpenMinutes open, Instant start, int goalMinutes, IReadOnlyList<(Instant Start, Instant? End)> pauses) =>
        new(window, open, start, goalMinutes, null, pauses);

    /// <summary>A business-day clock: S' is S, or the first open minute after it; the exact due is S' local wall-clock
    /// time on the N-th following local date that has hours; G is the open minutes in [S, exact).</summary>
    public static RunClock BusinessDays(MinuteWindow window, OpenMinutes open, Instant start, int days, IReadOnlyList<(Instant Start, Instant? End)> pauses)
    {
        var s = window.IndexOf(start);
        var first = s;
        while (true)
        {
            window.Check(first);
            if (open[first])
            {
                break;
            }
            first++;
        }
        var zone = open.Calendar.Zone;
        var local = window.At(first).InZone(zone).LocalDateTime;
        var date = local.Date;
        for (var found = 0; found < days;)
        {
            date = date.PlusDays(1);
            if (open.HasHours(date))
            {
                found++;
            }
        }
        var exact = window.IndexOf(OpenMinutes.Lenient(zone, date, (local.Hour * 60) + local.Minute));
        var g = 0;
        for (var i = s; i < exact; i++)
        {
            window.Check(i);
            g += open[i] ? 1 : 0;
        }
        return new RunClock(window, open, start, g, exact, pauses);
    }

    /// <summary>The same clock with other pauses.</summary>
    public RunClock WithPauses(IReadOnlyList<(Instant Start, Instant? End)> pauses) =>
        new(_window, _open, Start, GoalMinutes, _exact, pauses);

    /// <summary>The earliest instant the goal is used up; null when an open-ended pause comes first.</summary>
    public Instant? Due => (_due ??= new Lazy<Instant?>(ComputeDue)).Value;

    private Instant? ComputeDue()
    {
        {
            if (_exact is not { } exact)
            {
                return Walk(_start, GoalMinutes * TicksPerMinute);
            }
            var paused = 0;
            for (var i = _start; i < exact; i++)
            {
                paused += _open[i] && IsPaused(i) ? 1 : 0;
            }
            return paused == 0 ? _window.At(exact) : Walk(exact, paused * TicksPerMinute);
        }
    }

    /// <summary>The earliest instant at which <paramref name="ticks"/> of open time have been used (for a business-day
    /// clock past G: the due, then the rest in open unpaused minutes); null when an open-ended pause comes first.</summary>
    public Instant? InstantAt(long ticks)
    {
        if (_exact is null || ticks < GoalMinutes * TicksPerMinute)
        {
            return Walk(_start, ticks);
        }
        if (Due is not { } due)
        {
            return null;
        }
        return Walk(_window.IndexOf(due), ticks - (GoalMinutes * TicksPerMinute));
    }

    /// <summary>Open minutes of the calendar in [<paramref name="from"/>, <paramref name="to"/>), pauses or not.</summary>
    public int OpenMinutesBetween(Instant from, Instant to)
    {
        var open = 0;
        for (var i = _window.IndexOf(from); i < _window.IndexOf(to); i++)
        {
            _window.Check(i);
            open += _open[i] ? 1 : 0;
        }
        return open;
    }

    /// <summary>Open unpaused minutes in [start, <paramref name="at"/>).</summary>
    public int UsedAt(Instant at)
    {
        var used = 0;
        var end = _window.IndexOf(at);
        for (var i = _start; i < end; i++)
        {
            used += Counts(i) ? 1 : 0;
        }
        return used;
    }

    private bool IsPaused(int index)
    {
        // The pauses as minute ranges of the window, worked out once; still asked minute by minute.
        _pausedMinutes ??= [.. Pauses.Select(p => (Math.Max(0, _window.IndexOf(p.Start)), p.End is { } end ? Math.Max(0, _window.IndexOf(end)) : int.MaxValue))];
        foreach (var (from, to) in _pausedMinutes)
        {
            if (from <= index && index < to)
            {
                return true;
            }
        }
        return false;
    }

    private bool Counts(int index)
    {
        _window.Check(index);
        return _open[index] && !IsPaused(index);
    }

    private int OpenEndedPauseIndex => Pauses.Count > 0 && Pauses[^1].End is null ? _window.IndexOf(Pauses[^1].Start) : int.MaxValue;

    // The earliest instant t >= minute `from` at which `ticks` of counted time lie in [from, t). Whole minutes are counted
    // one at a time; a remainder lands inside the next counted minute. Repeated walks from the same minute with growing
    // counts continue where the last one stopped.
    private Instant? Walk(int from, long ticks)
    {
        var whole = ticks / TicksPerMinute;
        var part = ticks % TicksPerMinute;
        var (index, counted) = _lastWalk.From == from && _lastWalk.Count <= whole ? (_lastWalk.Index, _lastWalk.Count) : (from, 0L);
        var stop = Math.Max(OpenEndedPauseIndex, from);
        while (counted < whole)
        {
            if (index >= stop)
            {
                return null;
            }
            counted += Counts(index) ? 1 : 0;
            index++;
        }
        _lastWalk = (from, counted, index);
        if (part == 0)
        {
            return _window.At(index);
        }
        while (!Counts(index))
        {
            if (index >= stop)
            {
                return null;
            }
            index++;
        }
        return _window.At(index) + Duration.FromTicks(part);
    }
}
