using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Catalog;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Json;
using SlaFunctions.Policies;
using SlaFunctions.Preview;
using SlaFunctions.Problems;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/policies</c> (the loaded policies), <c>GET /api/policies/{id}/source</c> (one's file) and <c>POST /api/calendars/open</c> (a policy's open hours
/// over a window, for the timeline and the playground). Neither needs the API key: like the preview, they show
/// contracts, not cases.</summary>
public static class PolicyEndpoints
{
    /// <summary>The longest window <c>/api/calendars/open</c> answers for.</summary>
    public static readonly Duration MaxWindow = Duration.FromDays(62);

    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/policies", ListPolicies).WithName("ListPolicies");
        app.MapGet("/api/policies/{id}/source", Source).WithName("PolicySource");
        app.MapPost("/api/calendars/open", OpenHours).WithName("CalendarOpenHours");
        return app;
    }

    private static IResult ListPolicies(PolicyCatalog policies) => Results.Json(
        policies.All.Select(p => new PolicySummary
        {
            Id = p.Id,
            Name = p.Name,
            PauseOn = [.. p.PauseOn.Select(PreviewWords.Status).Order(StringComparer.Ordinal)],
            Calendars = [.. p.Calendars.Keys.Order(StringComparer.Ordinal)],
            Severities = [.. p.Severities.Select(s => new SeveritySummary
            {
                Id = s.Id,
                Name = s.Name,
                Aliases = s.Aliases,
                Targets = [.. s.Targets.Select(t => new TargetSummary(t.Name, t.Calendar.Name, t.Goal.ToString()))],
            })],
        }).ToList(),
        SlaJsonContext.Default.IReadOnlyListPolicySummary);

    // The policy's file as written (YAML or JSON), which the playground puts in its box when a policy is chosen.
    private static IResult Source(string id, PolicySources sources) => sources.TryGet(id, out var text)
        ? Results.Text(text, "text/plain; charset=utf-8")
        : Problem.Status(StatusCodes.Status404NotFound, "No such policy", $"No loaded policy has the id '{id}'; GET /api/policies lists them.");

    // { "policyId": "lumenvox" | "policy": {...} or "YAML text", "from": "...", "to": "..." }
    private static async Task<IResult> OpenHours(HttpRequest request, PolicyCatalog policies, CancellationToken cancellationToken)
    {
        if (!JsonMediaType.Matches(request.ContentType))
        {
            return Problem.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the request as JSON with 'Content-Type: application/json'.");
        }
        if (await RequestBody.ReadAsync(request, PreviewEndpoints.MaxBodyBytes, cancellationToken) is not { } bytes)
        {
            return Problem.Status(StatusCodes.Status413PayloadTooLarge, "Request too large", $"A request may be at most {PreviewEndpoints.MaxBodyBytes} bytes.");
        }
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(bytes) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }
        var errors = new List<ProblemError>();
        if (body is null)
        {
            return Problem.BadRequest("Malformed request", [new("", "the body must be a JSON object with policyId or policy, from and to.")]);
        }
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
            return Problem.BadRequest("The request is invalid", errors);
        }
        return Results.Json(new CalendarWindow
        {
            PolicyId = policy.Id,
            From = InstantText.Format(from!.Value),
            To = InstantText.Format(to!.Value),
            Calendars = [.. policy.Calendars.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Hours(c.Value, from.Value, to.Value))],
        }, SlaJsonContext.Default.CalendarWindow);
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
                    closed.Add(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
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
