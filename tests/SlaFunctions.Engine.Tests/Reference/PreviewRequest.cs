using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>Writes a generated case as a preview API request (policy inline, in the policy document's JSON shape), so
/// that a failing property can be replayed against <c>POST /api/sla/preview</c>.</summary>
internal static class PreviewRequest
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly string[] DayNames = ["", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static string Write(CaseDescription story)
    {
        var request = new JsonObject
        {
            ["policy"] = Policy(story.Policy),
            ["severity"] = story.Severity,
            ["openedAt"] = Time(story.OpenedAt),
            ["asOf"] = Time(story.AsOf),
            ["events"] = new JsonArray([.. story.Events.Select(Event)]),
        };
        return request.ToJsonString(Indented);
    }

    /// <summary>An instant as the API writes it: UTC, to the second.</summary>
    public static string Time(Instant at) => InstantPattern.General.Format(at);

    private static JsonObject Policy(PolicyDescription policy)
    {
        var calendars = new JsonObject();
        foreach (var calendar in policy.Calendars)
        {
            if (calendar.IsComplement)
            {
                calendars[calendar.BaseName] = Weekly(calendar);
                calendars[calendar.Name] = new JsonObject { ["complementOf"] = calendar.BaseName };
            }
            else
            {
                calendars[calendar.Name] = Weekly(calendar);
            }
        }
        return new JsonObject
        {
            ["id"] = "reference",
            ["name"] = "Reference case",
            ["onSeverityChange"] = Camel(policy.OnSeverityChange.ToString()),
            ["pauseOn"] = new JsonArray([.. policy.PauseOn.Select(s => (JsonNode)Camel(s.ToString()))]),
            ["calendars"] = calendars,
            ["severities"] = new JsonArray([.. policy.Severities.Select(Severity)]),
            ["escalations"] = new JsonArray([.. policy.Rules.Select(Rule)]),
        };
    }

    private static JsonObject Weekly(CalendarDescription calendar)
    {
        var hours = new JsonObject();
        foreach (var (day, intervals) in calendar.Weekly.OrderBy(d => d.Key))
        {
            hours[DayNames[(int)day]] = Intervals(intervals);
        }
        var json = new JsonObject { ["timeZone"] = calendar.Zone.Id, ["hours"] = hours };
        if (calendar.Holidays.Length > 0)
        {
            json["holidays"] = new JsonArray([.. calendar.Holidays.Order().Select(d => (JsonNode)Date(d))]);
        }
        if (calendar.Overrides.Count > 0)
        {
            var overrides = new JsonObject();
            foreach (var (date, intervals) in calendar.Overrides.OrderBy(o => o.Key))
            {
                overrides[Date(date)] = Intervals(intervals);
            }
            json["overrides"] = overrides;
        }
        return json;
    }

    private static JsonArray Intervals(OpeningInterval[] intervals) =>
        new([.. intervals.Select(i => (JsonNode)$"{Clock(i.StartMinute)}-{(i.EndMinute == OpeningInterval.MinutesPerDay ? "24:00" : Clock(i.EndMinute % OpeningInterval.MinutesPerDay))}")]);

    private static JsonNode Severity(SeverityDescription severity)
    {
        var targets = new JsonObject();
        foreach (var target in severity.Targets)
        {
            targets[target.Name] = Target(target);
        }
        var json = new JsonObject { ["id"] = severity.Id, ["name"] = "Severity-" + severity.Id, ["targets"] = targets };
        if (severity.OnWorkaround is { } lower)
        {
            json["onWorkaround"] = new JsonObject { ["severity"] = lower };
        }
        return json;
    }

    private static JsonObject Target(TargetDescription target)
    {
        var json = new JsonObject();
        if (target.Kind == TargetKind.Update)
        {
            json["every"] = Minutes(target.GoalMinutes!.Value);
        }
        else if (target.BusinessDays is { } days)
        {
            json["businessDays"] = days;
        }
        else
        {
            json["within"] = Minutes(target.GoalMinutes!.Value);
        }
        json["calendar"] = target.Calendar.Name;
        if (target.StartAfterMinutes is { } after)
        {
            json["startAfter"] = Minutes(after);
        }
        if (target.StopOn.Length > 0)
        {
            json["stopOn"] = Milestones(target.StopOn);
        }
        if (target.Team is { } team)
        {
            json["team"] = team;
        }
        if (target.Kind == TargetKind.Custom)
        {
            json["startOn"] = target.StartOn == TargetStart.SeverityRaised ? "severityRaised" : Camel(target.StartOn.ToString());
        }
        if (target.MetBy.Length > 0 && target.Kind is TargetKind.Custom or TargetKind.Resolution)
        {
            json["metBy"] = Milestones(target.MetBy);
        }
        return json;
    }

    private static JsonNode Rule(RuleDescription rule)
    {
        var at = rule.Kind switch
        {
            EscalationTriggerKind.Percent => new JsonObject { ["percent"] = rule.Percent },
            EscalationTriggerKind.Before => new JsonObject { ["before"] = Minutes(rule.OffsetMinutes) },
            EscalationTriggerKind.Breach => new JsonObject { ["breach"] = true },
            EscalationTriggerKind.After => new JsonObject { ["after"] = Minutes(rule.OffsetMinutes) },
            EscalationTriggerKind.Elapsed => new JsonObject { ["elapsed"] = Minutes(rule.OffsetMinutes) },
            EscalationTriggerKind.Opened => new JsonObject { ["event"] = "opened" },
            _ => new JsonObject { ["event"] = "severityRaised" },
        };
        var json = new JsonObject { ["id"] = rule.Id };
        if (rule.Target is { } target)
        {
            json["target"] = target;
        }
        if (rule.Severities.Length > 0)
        {
            json["severities"] = new JsonArray([.. rule.Severities.Select(s => (JsonNode)s)]);
        }
        json["at"] = at;
        if (rule.EveryMinutes is { } every)
        {
            json["every"] = Minutes(every);
        }
        json["notify"] = new JsonArray("assignee");
        return json;
    }

    private static JsonNode Event(StoryEvent e)
    {
        var json = new JsonObject { ["at"] = Time(e.At), ["type"] = Camel(e.Kind.ToString()) };
        if (e.Status is { } status)
        {
            json["status"] = Camel(status.ToString());
        }
        if (e.Severity is { } severity)
        {
            json["severity"] = severity;
        }
        if (e.Group is { } group)
        {
            json["group"] = group;
        }
        return json;
    }

    private static JsonArray Milestones(Milestone[] milestones) => new([.. milestones.Select(m => (JsonNode)Camel(m.ToString()))]);

    private static string Minutes(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes}m");

    private static string Clock(int minute) => string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
