using System.Globalization;

namespace SlaFunctions.Engine.Calendars;

/// <summary>One stretch of opening hours on a day, in local wall-clock minutes from that day's midnight.</summary>
/// <remarks>Half-open: open at <see cref="StartMinute"/>, closed at <see cref="EndMinute"/>. An interval written with an
/// end not after its start (<c>08:00-01:00</c>) crosses midnight, so <see cref="EndMinute"/> can run up to 2880. It
/// belongs to the day on which it starts (spec: sla-semantics, Instants, zones, calendars).</remarks>
public readonly record struct OpeningInterval
{
    /// <summary>Minutes in a day.</summary>
    public const int MinutesPerDay = 1440;

    /// <summary>Creates an interval from minute offsets.</summary>
    /// <param name="startMinute">Opening, 0 to 1439 minutes after local midnight.</param>
    /// <param name="endMinute">Closing, after <paramref name="startMinute"/> and at most 2880 (midnight two days on).</param>
    /// <exception cref="ArgumentOutOfRangeException">An offset is out of range or the interval is empty.</exception>
    public OpeningInterval(int startMinute, int endMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startMinute);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(startMinute, MinutesPerDay);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(endMinute, startMinute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endMinute, 2 * MinutesPerDay);
        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    /// <summary>Opening, in minutes after the day's local midnight (0 to 1439).</summary>
    public int StartMinute { get; }

    /// <summary>Closing, in minutes after the day's local midnight; above 1440 when the interval runs into the next day.</summary>
    public int EndMinute { get; }

    /// <summary>Length in wall-clock minutes (real time differs on a DST transition day).</summary>
    public int LengthMinutes => EndMinute - StartMinute;

    /// <summary>The whole day, <c>00:00-24:00</c>.</summary>
    public static OpeningInterval WholeDay { get; } = new(0, MinutesPerDay);

    /// <summary>Reads <c>HH:MM-HH:MM</c>. <c>24:00</c> is allowed as an end; an end not after the start crosses midnight.</summary>
    /// <returns>False when <paramref name="text"/> is not of that form.</returns>
    public static bool TryParse(string? text, out OpeningInterval interval)
    {
        interval = default;
        if (text is null)
        {
            return false;
        }
        var parts = text.Trim().Split('-');
        if (parts.Length != 2
            || !TryParseClock(parts[0], allowEndOfDay: false, out var start)
            || !TryParseClock(parts[1], allowEndOfDay: true, out var end))
        {
            return false;
        }
        if (end <= start)
        {
            end += MinutesPerDay;
        }
        interval = new OpeningInterval(start, end);
        return true;
    }

    private static bool TryParseClock(string text, bool allowEndOfDay, out int minutes)
    {
        minutes = 0;
        text = text.Trim();
        if (text.Length != 5 || text[2] != ':'
            || !int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var mins)
            || mins > 59)
        {
            return false;
        }
        if (hours == 24 && mins == 0 && allowEndOfDay)
        {
            minutes = MinutesPerDay;
            return true;
        }
        if (hours > 23)
        {
            return false;
        }
        minutes = (hours * 60) + mins;
        return true;
    }

    /// <summary>The interval as written in a policy, <c>HH:MM-HH:MM</c>.</summary>
    public override string ToString()
    {
        var end = EndMinute == MinutesPerDay ? MinutesPerDay : EndMinute % MinutesPerDay;
        return string.Create(CultureInfo.InvariantCulture, $"{StartMinute / 60:00}:{StartMinute % 60:00}-{end / 60:00}:{end % 60:00}");
    }
}
