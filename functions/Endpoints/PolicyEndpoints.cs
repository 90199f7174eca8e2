using SlaFunctions.Monitoring;
using SlaFunctions.Monitoring.Catalog;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Policies;
using SlaFunctions.Problems;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/policies</c> (the loaded policies), <c>GET /api/policies/{id}/source</c> (one's file) and <c>POST /api/calendars/open</c> (a policy's open hours
/// over a window, for the timeline and the playground). Neither needs the API key: like the preview, they show
/// contracts, not cases.</summary>
public static class PolicyEndpoints
{
    /// <summary>Maps the routes.</summary>
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.PublicApi();
        api.MapGet("/api/policies", ListPolicies).WithName("ListPolicies");
        api.MapGet("/api/policies/{id}/source", Source).WithName("PolicySource");
        api.MapPost("/api/calendars/open", OpenHours).WithName("CalendarOpenHours");
        return app;
    }

    private static IResult ListPolicies(PolicyCatalog policies) =>
        Results.Json(PolicySummaries.Of(policies), MonitoringJsonContext.Default.IReadOnlyListPolicySummary);

    // The policy's file as written (YAML or JSON), which the playground puts in its box when a policy is chosen.
    private static IResult Source(string id, PolicySources sources) => sources.TryGet(id, out var text)
        ? Results.Text(text, "text/plain; charset=utf-8")
        : Problem.Status(StatusCodes.Status404NotFound, "No such policy", $"No loaded policy has the id '{id}'; GET /api/policies lists them.");

    // { "policyId": "lumenvox" | "policy": {...} or "YAML text", "from": "...", "to": "..." }
    private static async Task<IResult> OpenHours(HttpRequest request, PolicyCatalog policies, CancellationToken cancellationToken)
    {
        var (body, refusal) = await RequestBody.ReadObjectAsync(request, PreviewEndpoints.MaxBodyBytes, "policyId or policy, from and to", cancellationToken);
        if (body is null)
        {
            return refusal!;
        }
        var errors = new List<ProblemError>();
        return CalendarWindows.Read(body, policies, errors) is { } window
            ? Results.Json(window, MonitoringJsonContext.Default.CalendarWindow)
            : Problem.BadRequest("The request is invalid", errors);
    }
}
