using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Notices.Templates;

/// <summary>The words and times an email shows: open time as hours and minutes, instants in the reader's zone (with its
/// abbreviation) and in UTC, target names as a person says them.</summary>
public static class NoticeWords
{
    private static readonly ZonedDateTimePattern Local = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu, HH:mm x", null);
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("ddd d MMM uuuu, HH:mm 'UTC'");

    /// <summary><paramref name="at"/> in <paramref name="zone"/>: <c>Mon 9 Mar 2026, 06:00 EDT</c>.</summary>
    public static string LocalTime(Instant at, DateTimeZone zone) => Local.Format(at.InZone(zone));

    /// <summary><paramref name="at"/> in UTC: <c>Mon 9 Mar 2026, 10:00 UTC</c>.</summary>
    public static string UtcTime(Instant at) => Utc.Format(at);

    /// <summary>Open time in words: <c>1 hour 5 minutes</c>, <c>45 minutes</c>, <c>less than a minute</c>.</summary>
    public static string OpenTime(Duration time)
    {
        var hours = (long)Math.Floor(time.TotalHours);
        var minutes = time.Minutes;
        if (hours == 0 && minutes == 0)
        {
            return "less than a minute";
        }
        var parts = new List<string>(2);
        if (hours > 0)
        {
            parts.Add(hours == 1 ? "1 hour" : string.Create(CultureInfo.InvariantCulture, $"{hours} hours"));
        }
        if (minutes > 0)
        {
            parts.Add(minutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes"));
        }
        return string.Join(' ', parts);
    }

    /// <summary>A target's name as a person says it: <c>first response</c>, <c>progress update</c>,
    /// <c>resolution</c>, <c>follow up calls</c>.</summary>
    public static string TargetName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name switch
        {
            "firstResponse" => "first response",
            "update" => "progress update",
            "resolution" => "resolution",
            _ => string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString())),
        };
    }

    /// <summary>The link to a ticket, or null when it is not http(s) (a <c>javascript:</c> link never becomes one).</summary>
    public static string? SafeLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri.AbsoluteUri : null;

    /// <summary><paramref name="text"/> on one line with no control characters, for a subject.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var line = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        return string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
