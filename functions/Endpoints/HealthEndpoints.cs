using SlaFunctions.Hosting;
using SlaFunctions.Json;
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

    private static async Task<IResult> Check(PolicyCatalog policies, CaseTables tables, WebhookOptions webhooks, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var failure = await tables.ProbeAsync(timeout.Token);
        var unmapped = failure is null ? await UnmappedAsync(webhooks, tables, timeout.Token) : null;
        var report = new HealthReport
        {
            Status = failure is null ? "ok" : "unavailable",
            Policies = policies.Ids,
            Dependencies = new() { Storage = new() { Status = failure is null ? "ok" : "failing", Detail = failure } },
            Unmapped = unmapped ?? new Dictionary<string, IReadOnlyList<string>>(),
        };
        var json = Results.Json(report, SlaJsonContext.Default.HealthReport,
            statusCode: failure is null ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        return failure is null ? json : new RetryAfterResult(json, RetryAfterResult.StorageSeconds);
    }

    // The unmapped values of each connection's kept deliveries. A warning: when the log cannot be read, health says
    // nothing about them rather than fail (the storage probe above already judged storage).
    private static async Task<Dictionary<string, IReadOnlyList<string>>?> UnmappedAsync(WebhookOptions webhooks, CaseTables tables, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            foreach (var name in webhooks.Connections.Keys.Order(StringComparer.Ordinal))
            {
                var deliveries = await tables.WebhookLog.ListAsync(name, cancellationToken);
                if (deliveries.SelectMany(d => d.Unmapped).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } values)
                {
                    found[name] = values;
                }
            }
        }
        catch (Exception ex) when (ex is StorageUnavailableException or OperationCanceledException or Azure.RequestFailedException)
        {
            return null;
        }
        return found;
    }
}
