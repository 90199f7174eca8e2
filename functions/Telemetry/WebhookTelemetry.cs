using System.Diagnostics;
using SlaFunctions.Endpoints;
using SlaFunctions.Monitoring.Telemetry;

namespace SlaFunctions.Telemetry;

/// <summary>A span and a count for each webhook delivery, with its outcome: <c>applied</c>, <c>duplicate</c>,
/// <c>unchanged</c>, <c>ignored</c>, or the status of a refusal (<c>401</c>, <c>400</c>, <c>503</c>...).</summary>
internal static class WebhookTelemetry
{
    /// <summary>The endpoint filter around <c>POST /api/webhooks/{connection}</c>.</summary>
    public static async ValueTask<object?> RecordAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var route = context.HttpContext.Request.RouteValues["connection"] as string ?? "";
        using var activity = SlaTelemetry.Source.StartActivity("webhook.receive", ActivityKind.Internal);
        var result = await next(context).ConfigureAwait(false);
        var outcome = Outcome(result);
        // An unknown connection's name is whatever the caller typed: not a tag, so nobody can grow the series.
        var connection = outcome == "404" ? "(unknown)" : route.ToLowerInvariant();
        activity?.SetTag("sla.connection", connection);
        activity?.SetTag("sla.outcome", outcome);
        SlaTelemetry.Delivery(connection, outcome);
        return result;
    }

    internal static string Outcome(object? result) => result switch
    {
        IValueHttpResult { Value: WebhookReceipt receipt } => receipt.Outcome,
        IStatusCodeHttpResult { StatusCode: { } status } => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "200",
    };
}
