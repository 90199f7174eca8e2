using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Policies.Reading;

/// <summary>Reads policy durations: <c>90m</c>, <c>4h</c>, <c>1h30m</c>, <c>2d</c> (48 h), <c>30s</c>, or ISO-8601
/// (<c>PT4H</c>, <c>P2D</c>). Days are 24 hours of open time; months and years are refused.</summary>
public static partial class DurationText
{
    /// <summary>The accepted forms, for error messages.</summary>
    public const string Forms = "write 90m, 4h, 1h30m, 2d or ISO-8601 such as PT4H";

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string? text, out Duration duration)
    {
        duration = Duration.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        text = text.Trim();
        var match = ShortForm().Match(text);
        if (match.Success)
        {
            duration = Duration.FromDays(Part(match, "d")) + Duration.FromHours(Part(match, "h"))
                + Duration.FromMinutes(Part(match, "m")) + Duration.FromSeconds(Part(match, "s"));
            return true;
        }
        var iso = PeriodPattern.NormalizingIso.Parse(text.ToUpperInvariant());
        if (!iso.Success || iso.Value.Years != 0 || iso.Value.Months != 0)
        {
            return false;
        }
        var period = iso.Value;
        duration = Duration.FromDays((period.Weeks * 7) + period.Days)
            + Duration.FromHours(period.Hours) + Duration.FromMinutes(period.Minutes)
            + Duration.FromSeconds(period.Seconds) + Duration.FromMilliseconds(period.Milliseconds);
        return duration >= Duration.Zero;
    }

    private static long Part(Match match, string group) =>
        match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?=\d)(?:(?<d>\d{1,5})d)?(?:(?<h>\d{1,6})h)?(?:(?<m>\d{1,7})m)?(?:(?<s>\d{1,9})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortForm();
}
