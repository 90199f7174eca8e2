using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies.Documents;
using SlaFunctions.Policies.Reading;

namespace SlaFunctions.Policies.Rules;

/// <summary>Each target: the fields its kind takes, readable durations, and a calendar that exists.</summary>
public sealed class TargetRule : IPolicyRule
{
    /// <inheritdoc />
    public void Check(PolicyDocument policy, PolicyProblems problems)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(problems);
        for (var i = 0; i < policy.Severities.Count; i++)
        {
            foreach (var (name, target) in policy.Severities[i].Targets)
            {
                var path = $"severities[{i}].targets.{name}";
                var kind = PolicyWords.KindOf(name, target);
                CheckCalendar(policy, target.Calendar, path, problems);
                if (kind != TargetKind.Team)
                {
                    NotHere(target.Team, $"{path}.team", $"'{name}' is a standard target; give a team target a name of its own", problems);
                }
                if (kind == TargetKind.Update)
                {
                    CheckUpdate(target, path, problems);
                }
                else
                {
                    CheckDeadline(policy, target, kind, path, problems);
                }
            }
        }
    }

    private static void CheckUpdate(TargetDocument target, string path, PolicyProblems problems)
    {
        Duration(target.Every, $"{path}.every", problems, required: true, positive: true);
        Duration(target.StartAfter, $"{path}.startAfter", problems, required: false, positive: false);
        NotHere(target.Within, $"{path}.within", "an update target takes 'every', not 'within'", problems);
        NotHere(target.BusinessDays, $"{path}.businessDays", "an update target takes 'every'", problems);
        NotHere(target.StartOn, $"{path}.startOn", "startOn is for custom targets; update starts at the first agent reply or after startAfter", problems);
        NotHere(target.MetBy.Count > 0 ? "" : null, $"{path}.metBy", "metBy is for custom targets", problems);
        Words(target.StopOn, $"{path}.stopOn", PolicyWords.Milestones, problems);
    }

    private static void CheckDeadline(PolicyDocument policy, TargetDocument target, TargetKind kind, string path, PolicyProblems problems)
    {
        var has = (target.Within is null ? 0 : 1) + (target.BusinessDays is null ? 0 : 1);
        if (has != 1)
        {
            problems.Add(path, kind == TargetKind.Custom
                ? "give 'within' (a duration such as 15m) for a custom target."
                : "give exactly one of 'within' (a duration such as 4h) and 'businessDays' (a whole number).");
        }
        Duration(target.Within, $"{path}.within", problems, required: false, positive: false);
        if (target.BusinessDays is { } days && days < 1)
        {
            problems.Add($"{path}.businessDays", $"{days} is not a number of days; write 1 or more.");
        }
        if (kind is TargetKind.Custom && target.BusinessDays is not null)
        {
            problems.Add($"{path}.businessDays", "custom targets take 'within' only.");
        }
        else if (target.BusinessDays is not null && WhyNoBusinessDays(policy, target.Calendar) is { } why)
        {
            problems.Add($"{path}.businessDays", $"{why}, so \"a day that has opening hours\" has no single meaning; use 'within' (open time) instead.");
        }
        NotHere(target.Every, $"{path}.every", "'every' is for the update target", problems);
        NotHere(target.StartAfter, $"{path}.startAfter", "'startAfter' is for the update target", problems);
        NotHere(target.StopOn.Count > 0 ? "" : null, $"{path}.stopOn", "'stopOn' is for the update target", problems);
        if (kind == TargetKind.Team)
        {
            if (string.IsNullOrWhiteSpace(target.Team))
            {
                problems.Add($"{path}.team", "is empty; name the assignee group as the ticket tool does (e.g. Level 2).");
            }
            NotHere(target.StartOn, $"{path}.startOn", "a team target starts when its group takes the case", problems);
            NotHere(target.MetBy.Count > 0 ? "" : null, $"{path}.metBy", "a team target is met when its group hands the case on or it is solved", problems);
            return;
        }
        if (kind != TargetKind.Custom)
        {
            NotHere(target.StartOn, $"{path}.startOn", "startOn is for custom targets", problems);
            if (kind == TargetKind.Resolution)
            {
                // A contract may count a workaround as a resolution (Xecuritas: "resolved or an acceptable work-around").
                Words(target.MetBy, $"{path}.metBy", PolicyWords.Milestones, problems);
            }
            else
            {
                NotHere(target.MetBy.Count > 0 ? "" : null, $"{path}.metBy", "metBy is for resolution and custom targets", problems);
            }
            return;
        }
        if (target.StartOn is { } start && !PolicyWords.Starts.ContainsKey(start))
        {
            problems.Add($"{path}.startOn", $"'{start}' is not a start; use {PolicyWords.OneOf(PolicyWords.Starts)}.");
        }
        Words(target.MetBy, $"{path}.metBy", PolicyWords.Milestones, problems);
    }

    // Business days are refused where a day with opening hours has no single meaning (spec: Durations, businessDays).
    private static string? WhyNoBusinessDays(PolicyDocument policy, string? calendar)
    {
        if (calendar == BusinessCalendar.AlwaysOpenName)
        {
            return "'24x7' is always open";
        }
        if (calendar is null || !policy.Calendars.TryGetValue(calendar, out var document))
        {
            return null;
        }
        if (document.ComplementOf is not null)
        {
            return $"'{calendar}' is the complement of another calendar";
        }
        var crosses = document.Hours.Values.Concat(document.Overrides.Values)
            .SelectMany(day => day)
            .Any(text => OpeningInterval.TryParse(text, out var interval) && interval.EndMinute > OpeningInterval.MinutesPerDay);
        return crosses ? $"'{calendar}' has hours that cross midnight" : null;
    }

    private static void CheckCalendar(PolicyDocument policy, string? calendar, string path, PolicyProblems problems)
    {
        if (calendar is null)
        {
            problems.Add($"{path}.calendar", "is required; name one of this policy's calendars or 24x7.");
        }
        else if (calendar != BusinessCalendar.AlwaysOpenName && !policy.Calendars.ContainsKey(calendar))
        {
            var known = string.Join(", ", policy.Calendars.Keys.Prepend(BusinessCalendar.AlwaysOpenName));
            problems.Add($"{path}.calendar", $"'{calendar}' is not a calendar of this policy; use one of: {known}.");
        }
    }

    internal static void Duration(string? text, string path, PolicyProblems problems, bool required, bool positive)
    {
        if (text is null)
        {
            if (required)
            {
                problems.Add(path, $"is required; {DurationText.Forms}.");
            }
            return;
        }
        if (!DurationText.TryParse(text, out var duration))
        {
            problems.Add(path, $"'{text}' is not a duration; {DurationText.Forms}.");
        }
        else if (positive && duration <= NodaTime.Duration.Zero)
        {
            problems.Add(path, $"'{text}' must be longer than zero.");
        }
    }

    internal static void Words<T>(IReadOnlyList<string> values, string path, IReadOnlyDictionary<string, T> words, PolicyProblems problems)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!words.ContainsKey(values[i]))
            {
                problems.Add($"{path}[{i}]", $"'{values[i]}' is not allowed; use {PolicyWords.OneOf(words)}.");
            }
        }
    }

    private static void NotHere(object? value, string path, string why, PolicyProblems problems)
    {
        if (value is not null)
        {
            problems.Add(path, $"{why}; remove it.");
        }
    }
}
