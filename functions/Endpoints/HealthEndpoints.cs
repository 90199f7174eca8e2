using SlaFunctions.Json;
using SlaFunctions.Policies;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/health</c>: answers whenever the process runs, storage or not.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps the health route.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", (PolicyCatalog policies) =>
            Results.Json(new HealthReport { Status = "ok", Policies = policies.Ids }, SlaJsonContext.Default.HealthReport))
            .WithName("Health");
        return app;
    }
}
