using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace SlaFunctions.Engine.Tests;

/// <summary>Reads the ISO instants and short durations (<c>4h</c>, <c>1h30m</c>, <c>2d</c>) the test tables are written in.</summary>
internal static partial class Parse
{
    /// <summary>An ISO-8601 instant with an offset, e.g. <c>2026-03-06T09:00:00-05:00</c> or <c>2026-03-06T14:00:00Z</c>.</summary>
    public static Instant Instant(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow().ToInstant();

    /// <summary>A duration such as <c>90m</c>, <c>4h</c>, <c>1h30m</c>, <c>2d</c> (48 h) or <c>0m</c>.</summary>
    public static Duration Duration(string text)
    {
        var match = ShortDuration().Match(text);
        if (!match.Success || text.Length == 0)
        {
            throw new FormatException($"'{text}' is not a duration like 4h or 1h30m.");
        }
        static long Part(Group group) => group.Success ? long.Parse(group.Value, CultureInfo.InvariantCulture) : 0;
        return NodaTime.Duration.FromDays(Part(match.Groups["d"]))
            + NodaTime.Duration.FromHours(Part(match.Groups["h"]))
            + NodaTime.Duration.FromMinutes(Part(match.Groups["m"]))
            + NodaTime.Duration.FromSeconds(Part(match.Groups["s"]));
    }

    [GeneratedRegex(@"^(?:(?<d>\d+)d)?(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+)s)?$")]
    private static partial Regex ShortDuration();
}
