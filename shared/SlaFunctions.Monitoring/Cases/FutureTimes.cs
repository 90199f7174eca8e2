using NodaTime;
using SlaFunctions.Monitoring.Preview;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>Keeps a delivery's times at or before the moment it is judged: an opening or event later than this
/// service's clock (the tool's clock ahead of ours, or a time no clock could give, such as year 9999) is recorded at
/// that moment instead, so the case is kept and its clocks start, rather than the delivery failing.</summary>
/// <remarks>A time up to <see cref="Tolerance"/> ahead is ordinary clock skew and moves silently; one further ahead
/// moves too, with a note in the case's history giving the tool's own time.</remarks>
public static class FutureTimes
{
    /// <summary>How far ahead of our clock a tool's time may be before the move is noted: the replay window of the
    /// signature schemes, within which two clocks are already trusted to agree.</summary>
    public static readonly Duration Tolerance = Duration.FromMinutes(5);

    /// <summary><paramref name="incoming"/> with every time later than <paramref name="now"/> set to it, and a note for
    /// those more than <see cref="Tolerance"/> ahead; <paramref name="incoming"/> itself when none is later.</summary>
    public static IncomingCase Clamp(IncomingCase incoming, Instant now)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (!(incoming.OpenedAt > now) && !(incoming.UpdatedAt > now) && incoming.Events.All(e => e.At <= now))
        {
            return incoming;
        }
        var noted = new List<string>();
        if (incoming.OpenedAt > now + Tolerance)
        {
            noted.Add($"opening ({InstantText.Format(incoming.OpenedAt.Value)})");
        }
        noted.AddRange(incoming.Events.Where(e => e.At > now + Tolerance)
            .Select(e => $"{PreviewWords.CamelCase(e.Type.ToString())} event ({InstantText.Format(e.At)})"));
        var notes = noted.Count == 0 ? incoming.Notes
            : [.. incoming.Notes, $"The ticket's time is later than this service's clock ({InstantText.Format(now)}) for its {string.Join(", ", noted)}; recorded at {InstantText.Format(now)}, when the delivery was received."];
        return incoming with
        {
            OpenedAt = Earlier(incoming.OpenedAt, now),
            UpdatedAt = Earlier(incoming.UpdatedAt, now),
            Events = [.. incoming.Events.Select(e => e.At > now ? e with { At = now } : e)],
            Notes = notes,
        };
    }

    private static Instant? Earlier(Instant? time, Instant now) => time > now ? now : time;
}
