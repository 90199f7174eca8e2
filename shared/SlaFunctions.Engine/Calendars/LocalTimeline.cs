using NodaTime;
using NodaTime.TimeZones;

namespace SlaFunctions.Engine.Calendars;

/// <summary>Maps a local date and a minute offset from its midnight to an instant, leniently, remembering the zone
/// interval it last used so that a day far from any DST change costs two additions instead of a zone look-up.</summary>
/// <remarks>A mutable cursor for one computation; never shared between threads.</remarks>
internal struct LocalTimeline
{
    // Offsets change by less than a day, so a local time more than a day inside a zone interval has one mapping.
    private static readonly Duration Margin = Duration.FromDays(1);
    private readonly DateTimeZone _zone;
    private ZoneInterval? _interval;

    public LocalTimeline(DateTimeZone zone)
    {
        _zone = zone;
        _interval = null;
    }

    /// <summary>The instant of <paramref name="minutes"/> after local midnight of <paramref name="date"/>.</summary>
    public Instant At(LocalDate date, int minutes)
    {
        var local = date.AtMidnight().PlusMinutes(minutes);
        if (TryFixedOffset(local, Duration.Zero, out var instant))
        {
            return instant;
        }
        return local.InZone(_zone, Resolvers.LenientResolver).ToInstant();
    }

    /// <summary>Midnight of <paramref name="date"/> as an instant, and whether the offset holds for
    /// <paramref name="span"/> after it (so every boundary in that span is midnight plus its minutes).</summary>
    public Instant Midnight(LocalDate date, Duration span, out bool steady)
    {
        var local = date.AtMidnight();
        steady = TryFixedOffset(local, span, out var instant);
        return steady ? instant : local.InZone(_zone, Resolvers.LenientResolver).ToInstant();
    }

    private bool TryFixedOffset(LocalDateTime local, Duration span, out Instant instant)
    {
        instant = default;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (_interval is { } interval)
            {
                var candidate = local.InUtc().ToInstant() - Duration.FromSeconds(interval.WallOffset.Seconds);
                if ((!interval.HasStart || candidate - Margin >= interval.Start)
                    && (!interval.HasEnd || candidate + span + Margin <= interval.End))
                {
                    instant = candidate;
                    return true;
                }
                if (attempt == 1)
                {
                    return false;
                }
                _interval = _zone.GetZoneInterval(candidate);
            }
            else
            {
                _interval = _zone.GetZoneInterval(local.InUtc().ToInstant() - Duration.FromSeconds(_zone.MinOffset.Seconds));
            }
        }
        return false;
    }
}
