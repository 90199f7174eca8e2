using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>Reads and writes instants at the interface: ISO-8601 with an offset in, UTC with <c>Z</c> to the second out.
/// A local time without an offset is refused, never guessed (spec: Instants, zones, calendars).</summary>
public static class InstantText
{
    private static readonly OffsetDateTimePattern[] Patterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly InstantPattern Output = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says how to fix it.</summary>
    public static bool TryParse(string? text, out Instant instant, out string error)
    {
        instant = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty; write an ISO-8601 instant with an offset, e.g. 2026-03-06T14:00:00Z.";
            return false;
        }
        foreach (var pattern in Patterns)
        {
            var result = pattern.Parse(text.Trim());
            if (result.Success)
            {
                instant = result.Value.ToInstant();
                return true;
            }
        }
        var local = LocalDateTimePattern.ExtendedIso.Parse(text.Trim());
        error = local.Success
            ? $"'{text}' has no offset, so the moment it names is unknown; add Z for UTC or the offset, e.g. {text}Z or {text}-05:00."
            : $"'{text}' is not an ISO-8601 instant; write e.g. 2026-03-06T14:00:00Z or 2026-03-06T09:00:00-05:00.";
        return false;
    }

    /// <summary><c>2026-03-06T14:00:00Z</c>: UTC, to the second.</summary>
    public static string Format(Instant instant) => Output.Format(instant);

    /// <summary><see cref="Format(Instant)"/>, or null.</summary>
    public static string? Format(Instant? instant) => instant is { } value ? Output.Format(value) : null;
}
