using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Notices.Templates;

/// <summary>The words emails use for a notice's values: target names, open time, instants in a zone, roles.</summary>
public static class NoticeWording
{
    private static readonly ZonedDateTimePattern LocalPattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu, HH:mm", null);

    /// <summary><c>firstResponse</c> → "first response", <c>update</c> → "progress update", a custom name such as
    /// <c>onsiteVisit</c> or <c>root_cause-report</c> → "onsite visit", "root cause report".</summary>
    public static string TargetName(string name) => name switch
    {
        "firstResponse" => "first response",
        "update" => "progress update",
        "resolution" => "resolution",
        _ => Humanise(name),
    };

    /// <summary>A notify entry as a person reads it: a role in words, an address as written.</summary>
    public static string Recipient(string entry) => entry switch
    {
        "customer" => "the customer",
        "assignee" => "the assignee",
        "accountManager" => "the account manager",
        "supportManagement" => "support management",
        "onCall" => "on-call",
        _ => OneLine(entry),
    };

    /// <summary>"a", "a and b", "a, b and c"; empty for none.</summary>
    public static string List(IEnumerable<string> items)
    {
        var all = items.Where(i => i.Length > 0).ToList();
        return all.Count <= 1 ? string.Concat(all) : $"{string.Join(", ", all.Take(all.Count - 1))} and {all[^1]}";
    }

    /// <summary>The first letter in upper case: "First response".</summary>
    public static string Capitalised(string words) =>
        words.Length == 0 ? words : string.Concat(char.ToUpperInvariant(words[0]).ToString(), words.AsSpan(1));

    /// <summary>Open time in hours and whole minutes ("1 h 30 min", "45 min"); under a minute is "less than a
    /// minute". Seconds are dropped, never rounded up.</summary>
    public static string OpenTime(Duration duration)
    {
        var minutes = (long)Math.Floor(Math.Abs(duration.TotalMinutes));
        if (minutes == 0)
        {
            return "less than a minute";
        }
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => $"{rest} min",
            (_, 0) => $"{hours} h",
            _ => $"{hours} h {rest} min",
        };
    }

    /// <summary>Elapsed wall-clock time: "35 min", "2 h 5 min", "1 day 4 h", "3 days".</summary>
    public static string Elapsed(Duration duration)
    {
        var days = (long)Math.Floor(Math.Abs(duration.TotalDays));
        if (days == 0)
        {
            return OpenTime(duration);
        }
        var hours = (long)Math.Floor(Math.Abs(duration.TotalHours)) % 24;
        var dayText = days == 1 ? "1 day" : $"{days} days";
        return hours == 0 ? dayText : $"{dayText} {hours} h";
    }

    /// <summary>A goal as a person writes it: <c>PT4H</c> → "4 h", <c>PT1H30M</c> → "1 h 30 min", <c>P2D</c> →
    /// "2 business days"; anything else as it is.</summary>
    public static string Goal(string iso)
    {
        if (iso.Length > 2 && iso[0] == 'P' && iso[^1] == 'D' && int.TryParse(iso.AsSpan(1, iso.Length - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days))
        {
            return days == 1 ? "1 business day" : $"{days} business days";
        }
        var parsed = NodaTime.Text.PeriodPattern.NormalizingIso.Parse(iso);
        return parsed.Success ? OpenTime(parsed.Value.ToDuration()) : iso;
    }

    /// <summary>"Mon 2 Mar 2026, 10:15 EST (America/New_York)": the local time, the zone's abbreviation at that
    /// instant, and its id.</summary>
    public static string InZone(Instant at, DateTimeZone zone)
    {
        var zoned = at.InZone(zone);
        var abbreviation = zoned.GetZoneInterval().Name;
        return abbreviation == zone.Id
            ? $"{LocalPattern.Format(zoned)} {zone.Id}"
            : $"{LocalPattern.Format(zoned)} {abbreviation} ({zone.Id})";
    }

    /// <summary>"Mon 2 Mar 2026, 15:15 UTC".</summary>
    public static string InUtc(Instant at) => $"{LocalPattern.Format(at.InUtc())} UTC";

    /// <summary>The text on one line: CR, LF, tabs and other control characters become spaces, runs of spaces
    /// become one, and the ends are trimmed. Null becomes empty.</summary>
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var blank = char.IsControl(c) || char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format;
            if (!blank)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != ' ')
            {
                builder.Append(' ');
            }
        }
        return builder.ToString().TrimEnd();
    }

    /// <summary>The URL when it is an absolute http or https address, else null: anything else (javascript:,
    /// data:, a relative path) must never become a link.</summary>
    public static string? Linkable(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    private static string Humanise(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        var previous = ' ';
        foreach (var c in OneLine(name))
        {
            if (c is '_' or '-' or '.' or ' ')
            {
                AppendSpace(builder);
            }
            else if (char.IsUpper(c) && (char.IsLower(previous) || char.IsDigit(previous)))
            {
                AppendSpace(builder);
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            previous = c;
        }
        return builder.ToString().Trim();
    }

    private static void AppendSpace(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != ' ')
        {
            builder.Append(' ');
        }
    }
}
