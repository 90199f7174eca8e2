using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Policies;

namespace SlaFunctions.Monitoring.Catalog;

/// <summary>A policy's open hours over a window, for the timeline and the playground
/// (<c>POST /api/calendars/open</c>).</summary>
public static class CalendarWindows
{
    /// <summary>The longest window answered for.</summary>
    public static readonly Duration MaxWindow = Duration.FromDays(62);

    /// <summary>Reads <c>{ "policyId": "lumenvox" | "policy": {...} or "YAML text", "from": "...", "to": "..." }</c> and
    /// answers with every calendar's open intervals and closed days in [from, to). Null, with
    /// <paramref name="errors"/> naming each bad field, when the request is invalid.</summary>
    public static CalendarWindow? Read(JsonObject body, PolicyCatalog policies, List<ProblemError> errors)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(errors);
        var from = At(body, "from", errors);
        var to = At(body, "to", errors);
        if (from is { } f && to is { } t && (t <= f || t - f > MaxWindow))
        {
            errors.Add(new("to", $"must be after 'from' and at most {MaxWindow.Days} days later."));
        }
        Policy? policy = null;
        if (body["policy"] is { } inline)
        {
            policy = InlinePolicy.IsReadable(inline) ? InlinePolicy.Read(inline, errors) : null;
            if (!InlinePolicy.IsReadable(inline))
            {
                errors.Add(new("policy", "must be a policy document (a JSON object), or its YAML text as a string."));
            }
        }
        else if (body["policyId"]?.GetValueKind() == JsonValueKind.String && policies.TryGet(body["policyId"]!.GetValue<string>(), out var loaded))
        {
            policy = loaded;
        }
        else
        {
            errors.Add(new("policyId", $"give a loaded policy's id ({string.Join(", ", policies.Ids)}) or the policy itself as 'policy'."));
        }
        if (errors.Count > 0 || policy is null)
        {
            return null;
        }
        return new CalendarWindow
        {
            PolicyId = policy.Id,
            From = InstantText.Format(from!.Value),
            To = InstantText.Format(to!.Value),
            Calendars = [.. policy.Calendars.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Hours(c.Value, from.Value, to.Value))],
        };
    }

    private static CalendarHours Hours(BusinessCalendar calendar, Instant from, Instant to)
    {
        var closed = new List<string>();
        if (!calendar.IsAlwaysOpen)
        {
            var last = to.InZone(calendar.Zone).Date;
            for (var date = from.InZone(calendar.Zone).Date; date <= last; date = date.PlusDays(1))
            {
                if (calendar.HoursOn(date).Count == 0 && (calendar.HoursOn(date.PlusDays(-7)).Count > 0 || calendar.HoursOn(date.PlusDays(7)).Count > 0))
                {
                    closed.Add(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
            }
        }
        return new CalendarHours
        {
            Name = calendar.Name,
            TimeZone = calendar.Zone.Id,
            Open = [.. calendar.OpenIntervals(from, to).Select(i => new OpenSpan(InstantText.Format(i.Start), InstantText.Format(i.End)))],
            ClosedDays = closed,
        };
    }

    private static Instant? At(JsonObject body, string name, List<ProblemError> errors)
    {
        var text = body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        if (InstantText.TryParse(text, out var at, out var error))
        {
            return at;
        }
        errors.Add(new(name, text is null ? "is required; write an ISO-8601 instant with an offset, e.g. 2026-03-09T00:00:00Z." : error));
        return null;
    }
}
