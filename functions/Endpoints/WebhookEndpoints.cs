using NodaTime;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Problems;
using SlaFunctions.Storage;
using SlaFunctions.Telemetry;
using SlaFunctions.Webhooks;

namespace SlaFunctions.Endpoints;

/// <summary><c>POST /api/webhooks/{connection}</c>: a ticket tool's delivery, checked, read and committed to its case.</summary>
/// <remarks>The connection (from the route and configuration) fixes the tool, the secrets and the policy: nothing in
/// the payload can choose another customer's case or policy. Status codes follow the senders' retry rules: 401/400
/// for what a retry cannot fix, 503 with Retry-After for storage trouble, 200 for applied and duplicate alike.</remarks>
public static class WebhookEndpoints
{
    /// <summary>The largest body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Maps the webhook route.</summary>
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/{connection}", Receive).WithName("ReceiveWebhook").AddEndpointFilter(WebhookTelemetry.RecordAsync).WithStorageFailures();
        return app;
    }

    private static async Task<IResult> Receive(
        string connection, HttpRequest request, WebhookOptions webhooks, WebhookIntake intake, CaseTables tables, IClock clock, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        if (!webhooks.TryFind(connection, out var settings))
        {
            return Problem.Status(StatusCodes.Status404NotFound, "Unknown connection",
                $"No connection is named '{connection}'; configure Webhooks:Connections:{connection} or fix the URL in the ticket tool.");
        }
        connection = settings.Name;
        var log = new DeliveryRecorder(tables, connection, clock.GetCurrentInstant(), loggers.CreateLogger(nameof(WebhookEndpoints)));
        // GitHub's webhook form defaults to a form whose payload field holds the JSON; no other tool sends one.
        var form = settings.Source.Equals("github", StringComparison.OrdinalIgnoreCase) && FormPayload.Matches(request.ContentType);
        if (!form && !JsonMediaType.Matches(request.ContentType))
        {
            var unsupported = $"Send the webhook as JSON (Content-Type: application/json); got '{request.ContentType ?? "none"}'.";
            return await log.RefusedAsync(Problem.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", unsupported),
                StatusCodes.Status415UnsupportedMediaType, unsupported);
        }
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return await log.RefusedAsync(TooLarge(), StatusCodes.Status413PayloadTooLarge, $"The body is over {MaxBodyBytes / 1024} KiB.");
        }
        var headers = request.Headers.Select(h => new KeyValuePair<string, string?>(h.Key, h.Value.ToString())).ToList();
        var delivery = new WebhookRequest(body, headers, clock.GetCurrentInstant());
        var check = intake.Verify(settings, delivery);
        if (!check.IsValid)
        {
            return await log.RefusedAsync(Problem.Status(StatusCodes.Status401Unauthorized, "Signature refused", check.Detail),
                StatusCodes.Status401Unauthorized, check.Detail ?? "The signature was refused.");
        }

        if (form)
        {
            if (FormPayload.Read(body) is not { } json)
            {
                var missing = new ProblemError(FormPayload.Field,
                    $"is missing or empty; a {FormPayload.MediaType} delivery carries its JSON in the '{FormPayload.Field}' field (or set the webhook's content type to application/json).");
                return await log.RefusedAsync(Problem.BadRequest("The delivery cannot be read", [missing]), StatusCodes.Status400BadRequest, Reason([missing]));
            }
            delivery = new WebhookRequest(json, headers, delivery.ReceivedAt);
        }
        var result = await intake.ApplyAsync(connection, settings, delivery, cancellationToken);
        return result.Outcome switch
        {
            IntakeOutcome.Unreadable => await log.RefusedAsync(Problem.BadRequest("The delivery cannot be read", result.Errors), StatusCodes.Status400BadRequest, Reason(result.Errors)),
            IntakeOutcome.UnkeyableId => await log.RefusedAsync(Problem.BadRequest("The ticket id cannot key a case", result.Errors), StatusCodes.Status400BadRequest, Reason(result.Errors)),
            IntakeOutcome.Ignored => await log.AnsweredAsync(Receipt(new WebhookReceipt { Outcome = result.Word, Detail = result.Detail }), result.Word, result.Detail, null),
            _ => await log.AnsweredAsync(Receipt(new WebhookReceipt { Outcome = result.Word, Case = $"{connection}/{result.ExternalId}" }), result.Word, result.Detail, result.ExternalId,
                result.Unmapped),
        };
    }

    // The problems of a 400, as the delivery log shows them.
    private static string Reason(IEnumerable<ProblemError> errors) => string.Join("; ", errors);

    private static IResult Receipt(WebhookReceipt receipt) => Results.Json(receipt, EndpointJsonContext.Default.WebhookReceipt);

    private static IResult TooLarge() => Problem.Status(StatusCodes.Status413PayloadTooLarge, "Delivery too large",
        $"A webhook body may be at most {MaxBodyBytes / 1024} KiB; send ids and fields, not attachments.");
}
