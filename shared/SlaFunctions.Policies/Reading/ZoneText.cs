using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace SlaFunctions.Policies.Reading;

/// <summary>Reads a calendar's <c>timeZone</c>: an IANA id (<c>America/New_York</c>, <c>Etc/GMT</c>), <c>UTC</c>, or a
/// fixed offset <c>UTC-05:00</c> / <c>UTC+05:30</c>.</summary>
public static partial class ZoneText
{
    /// <summary>Parses <paramref name="text"/>; false when it names no zone.</summary>
    public static bool TryParse(string? text, out DateTimeZone zone)
    {
        zone = DateTimeZone.Utc;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        var match = FixedOffset().Match(text);
        if (match.Success)
        {
            var hours = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            if (hours > 18 || minutes > 59)
            {
                return false;
            }
            var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
            zone = DateTimeZone.ForOffset(Offset.FromSeconds(sign * ((hours * 3600) + (minutes * 60))));
            return true;
        }
        if (text == "UTC")
        {
            return true;
        }
        var found = DateTimeZoneProviders.Tzdb.GetZoneOrNull(text);
        if (found is null)
        {
            return false;
        }
        zone = found;
        return true;
    }

    [GeneratedRegex(@"^UTC(?<sign>[+-])(?<h>\d{2}):(?<m>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex FixedOffset();
}
