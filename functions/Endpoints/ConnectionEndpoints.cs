using SlaFunctions.Hosting;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Problems;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Webhooks;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/connections/{connection}/deliveries</c>: the connection's last deliveries with their outcome
/// and reason, for an admin asking why a delivery was ignored or refused. Guarded like the read API.</summary>
public static class ConnectionEndpoints
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapConnectionEndpoints(this IEndpointRouteBuilder app)
    {
        app.KeyedApi().MapGet("/api/connections/{connection}/deliveries", GetDeliveries).WithName("GetConnectionDeliveries");
        return app;
    }

    private static async Task<IResult> GetDeliveries(
        string connection, WebhookOptions webhooks, ConnectionDiagnostics connections, CancellationToken cancellationToken)
    {
        if (!webhooks.TryFind(connection, out var settings))
        {
            return Problem.Status(StatusCodes.Status404NotFound, "Unknown connection",
                $"No connection is named '{connection}'; the configured ones are under Webhooks:Connections.");
        }
        return Results.Json(await connections.DeliveriesAsync(settings, cancellationToken), MonitoringJsonContext.Default.ConnectionDeliveries);
    }
}
