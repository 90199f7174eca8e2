using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Policies;
using SlaFunctions.Problems;
using SlaFunctions.Storage;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/health</c>: probes storage each time. 200 when the app can do its work; 503 with Retry-After,
/// naming the failing dependency, when it cannot (the app itself keeps serving and retrying).</summary>
public static class HealthEndpoints
{
    // A probe that takes longer than this counts as failing: a health check must answer promptly.
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Maps the health route.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", Check).WithName("Health");
        return app;
    }

    private static async Task<IResult> Check(PolicyCatalog policies, CaseTables tables, ConnectionDiagnostics connections, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var failure = await tables.ProbeAsync(timeout.Token);
        var unmapped = failure is null ? await connections.UnmappedAsync(timeout.Token) : null;
        var report = new HealthReport
        {
            Status = failure is null ? "ok" : "unavailable",
            Policies = policies.Ids,
            Dependencies = new() { Storage = new() { Status = failure is null ? "ok" : "failing", Detail = failure } },
            Unmapped = unmapped ?? new Dictionary<string, IReadOnlyList<string>>(),
        };
        var json = Results.Json(report, EndpointJsonContext.Default.HealthReport,
            statusCode: failure is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        return failure is null ? json : new RetryAfterResult(json, RetryAfterResult.StorageSeconds);
    }
}
