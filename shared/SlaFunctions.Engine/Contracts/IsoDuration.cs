using System.Globalization;
using System.Text;
using NodaTime;

namespace SlaFunctions.Engine.Contracts;

/// <summary>Writes a duration as ISO-8601 in hours, minutes and whole seconds: <c>PT1H30M</c>, <c>PT48H</c>, <c>PT0S</c>.</summary>
public static class IsoDuration
{
    /// <summary>Formats <paramref name="duration"/>, truncated to the second; a negative one gets a leading minus.</summary>
    public static string Format(Duration duration)
    {
        var seconds = (long)Math.Floor(duration.TotalSeconds);
        var text = new StringBuilder(seconds < 0 ? "-PT" : "PT");
        seconds = Math.Abs(seconds);
        var (hours, minutes, secs) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}H");
        }
        if (minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
        }
        if (secs > 0 || seconds == 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{secs}S");
        }
        return text.ToString();
    }
}
