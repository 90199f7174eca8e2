using SlaFunctions.Hosting;
using SlaFunctions.Json;
using SlaFunctions.Preview;
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
        app.MapGet("/api/connections/{connection}/deliveries", GetDeliveries).WithName("GetConnectionDeliveries");
        return app;
    }

    private static async Task<IResult> GetDeliveries(
        string connection, HttpRequest request, ApiKeyCheck keys, WebhookOptions webhooks, CaseTables tables, CancellationToken cancellationToken)
    {
        if (keys.Refuse(request) is { } refused)
        {
            return refused;
        }
        if (!webhooks.TryFind(connection, out var settings))
        {
            return Problem.Status(StatusCodes.Status404NotFound, "Unknown connection",
                $"No connection is named '{connection}'; the configured ones are under Webhooks:Connections.");
        }
        connection = settings.Name;
        IReadOnlyList<WebhookDelivery> deliveries;
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            deliveries = await tables.WebhookLog.ListAsync(connection, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return CaseEndpoints.Unavailable();
        }
        return Results.Json(new ConnectionDeliveries
        {
            Connection = connection,
            Source = settings.Source,
            Kept = WebhookDeliveryLog.Capacity,
            Deliveries = [.. deliveries.Select(d => new ConnectionDelivery
            {
                At = InstantText.Format(d.At),
                Outcome = d.Outcome,
                Status = d.Status,
                Reason = d.Reason,
                ExternalId = d.ExternalId,
            })],
        }, SlaJsonContext.Default.ConnectionDeliveries);
    }
}
