using System.Globalization;
using NodaTime;

namespace SlaFunctions.Engine.Contracts;

/// <summary>How much time a target allows: open time of its calendar, or a number of business days.</summary>
public readonly record struct Goal
{
    private Goal(Duration? openTime, int? businessDays)
    {
        OpenTime = openTime;
        BusinessDays = businessDays;
    }

    /// <summary>Open time of the target's calendar; null for a business-day goal.</summary>
    public Duration? OpenTime { get; }

    /// <summary>Business days; null for an open-time goal.</summary>
    public int? BusinessDays { get; }

    /// <summary>A goal of <paramref name="openTime"/> of open time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public static Goal Within(Duration openTime)
    {
        if (openTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(openTime), openTime, "A goal cannot be negative.");
        }
        return new Goal(openTime, null);
    }

    /// <summary>A goal of <paramref name="days"/> business days.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public static Goal InBusinessDays(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return new Goal(null, days);
    }

    /// <summary>ISO-8601: <c>PT4H</c> for open time (hours, never days, since a day of open time is not a calendar
    /// day), <c>P2D</c> for business days.</summary>
    public override string ToString() => BusinessDays is { } days
        ? string.Create(CultureInfo.InvariantCulture, $"P{days}D")
        : IsoDuration.Format(OpenTime!.Value);
}
