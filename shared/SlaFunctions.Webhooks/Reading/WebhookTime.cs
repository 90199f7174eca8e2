using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>Reads the time strings ticket tools send, refusing any whose offset is not written down.</summary>
/// <remarks>Times are read as strings and parsed here, never by System.Text.Json: it rejects Jira's <c>-0500</c> and
/// silently applies the server's own offset to <c>2016-01-19T04:52:04</c>. Accepted: ISO-8601 date and time with
/// <c>T</c>, seconds optional (Zendesk's <c>_with_timestamp</c> placeholders stop at minutes), up to nine fractional
/// digits (Zendesk events send nanoseconds), and an offset written <c>Z</c>, <c>+01:00</c> or <c>+0100</c> (Jira).</remarks>
public static class WebhookTime
{
    private const string Date = "uuuu'-'MM'-'dd'T'HH':'mm";

    // Most specific first; every pattern demands an offset, so a time without one never parses.
    private static readonly OffsetDateTimePattern[] Patterns =
    [
        Pattern(Date + "':'ss;FFFFFFFFFo<G>"),
        Pattern(Date + "':'ss;FFFFFFFFFo<+HHmm>"),
        Pattern(Date + "o<G>"),
        Pattern(Date + "o<+HHmm>"),
    ];

    // Only to say "no offset" rather than "not a time" when a tool sends a local time.
    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture(Date + "':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture(Date),
    ];

    /// <summary>Reads an ISO-8601 time with an explicit offset.</summary>
    /// <param name="text">The text, e.g. <c>2026-01-05T09:12:44.120+0100</c>.</param>
    /// <param name="instant">The instant, when the result is true.</param>
    /// <param name="error">Why the text was refused, as a phrase that completes "…: ", when the result is false.</param>
    public static bool TryParse(string? text, out Instant instant, out string error)
    {
        instant = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "is empty; send an ISO-8601 time with an offset, e.g. 2026-01-05T09:12:44Z";
            return false;
        }
        foreach (var pattern in Patterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                instant = result.Value.ToInstant();
                return true;
            }
        }
        error = LocalPatterns.Any(p => p.Parse(text).Success)
            ? $"'{text}' has no UTC offset, so the instant cannot be known; send it with Z or an offset such as +01:00"
            : $"'{text}' is not an ISO-8601 time with an offset such as 2026-01-05T09:12:44Z";
        return false;
    }

    /// <summary>Reads a count of milliseconds since 1970-01-01T00:00Z (Jira's <c>timestamp</c>, ServiceNow's
    /// <c>getNumericValue()</c>).</summary>
    /// <returns>False when <paramref name="text"/> is not a whole number, or is out of NodaTime's range.</returns>
    public static bool TryParseUnixMilliseconds(string? text, out Instant instant) =>
        TryParseCount(text, Instant.MaxValue.ToUnixTimeMilliseconds(), Instant.FromUnixTimeMilliseconds, out instant);

    /// <summary>Reads a count of seconds since 1970-01-01T00:00Z (Standard Webhooks' <c>webhook-timestamp</c>).</summary>
    /// <returns>False when <paramref name="text"/> is not a whole number, or is out of NodaTime's range.</returns>
    public static bool TryParseUnixSeconds(string? text, out Instant instant) =>
        TryParseCount(text, Instant.MaxValue.ToUnixTimeSeconds(), Instant.FromUnixTimeSeconds, out instant);

    // Only non-negative counts: every tool we read sends times after 1970, and the bound keeps FromUnixTime* in range.
    private static bool TryParseCount(string? text, long max, Func<long, Instant> toInstant, out Instant instant)
    {
        var valid = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count <= max;
        instant = valid ? toInstant(count) : default;
        return valid;
    }

    private static OffsetDateTimePattern Pattern(string text) =>
        OffsetDateTimePattern.Create(text, CultureInfo.InvariantCulture, new OffsetDateTime(new LocalDateTime(2000, 1, 1, 0, 0), Offset.Zero));
}
