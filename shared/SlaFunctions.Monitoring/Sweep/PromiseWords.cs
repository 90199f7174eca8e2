using System.Globalization;
using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Notices.Templates;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>What a target promises, in words a customer reads: "First response within 1 hour, counted in support
/// hours (Etc/GMT)".</summary>
public static class PromiseWords
{
    /// <summary>The promise of <paramref name="target"/>.</summary>
    public static string For(Target target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var goal = GoalWords(target.Goal);
        var what = target.Kind switch
        {
            TargetKind.FirstResponse => $"First response within {goal}",
            TargetKind.Update => $"A progress update every {goal}",
            TargetKind.NextReply => $"Next reply within {goal} of each customer message",
            TargetKind.Team => $"{target.Team} hands the case on or solves it within {goal}",
            TargetKind.Resolution => $"Resolution within {goal}",
            _ => $"{NoticeWording.Capitalised(NoticeWording.TargetName(target.Name))} within {goal}",
        };
        return $"{what}, {CalendarWords(target.Calendar)}";
    }

    private static string GoalWords(Goal goal)
    {
        if (goal.BusinessDays is { } days)
        {
            return days == 1 ? "1 business day" : string.Create(CultureInfo.InvariantCulture, $"{days} business days");
        }
        var time = goal.OpenTime ?? Duration.Zero;
        var hours = (long)time.TotalHours;
        var minutes = time.Minutes;
        var parts = new List<string>();
        if (hours > 0)
        {
            parts.Add(hours == 1 ? "1 hour" : string.Create(CultureInfo.InvariantCulture, $"{hours} hours"));
        }
        if (minutes > 0 || parts.Count == 0)
        {
            parts.Add(minutes == 1 ? "1 minute" : string.Create(CultureInfo.InvariantCulture, $"{minutes} minutes"));
        }
        return string.Join(' ', parts);
    }

    private static string CalendarWords(BusinessCalendar calendar) => calendar.IsAlwaysOpen
        ? "around the clock"
        : $"counted in {calendar.Name} hours ({calendar.Zone.Id})";
}
