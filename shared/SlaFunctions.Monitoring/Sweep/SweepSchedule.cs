using Cronos;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>Reads the sweep's NCRONTAB schedule: six fields with seconds, as the Functions timer trigger takes it,
/// or the five-field form.</summary>
public static class SweepSchedule
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a schedule.</summary>
    public static bool TryParse(string? text, out CronExpression? schedule)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        return CronExpression.TryParse(text, format, out schedule);
    }
}
