using NodaTime;
using SlaFunctions.Cases;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Hosting;
using SlaFunctions.Json;
using SlaFunctions.Policies;
using SlaFunctions.Problems;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Webhooks;
using SlaFunctions.Webhooks.Signatures;

using SlaFunctions.Telemetry;

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
        app.MapPost("/api/webhooks/{connection}", Receive).WithName("ReceiveWebhook").AddEndpointFilter(WebhookTelemetry.RecordAsync);
        return app;
    }

    private static async Task<IResult> Receive(
        string connection, HttpRequest request, WebhookOptions webhooks, WebhookAdapters adapters, PolicyCatalog policies,
        CaseIngestion ingestion, CaseTables tables, IClock clock, ILoggerFactory loggers, CancellationToken cancellationToken)
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
        var adapter = adapters.Find(settings.Source)!; // the source was checked at start-up
        var headers = request.Headers.Select(h => new KeyValuePair<string, string?>(h.Key, h.Value.ToString())).ToList();
        var delivery = new WebhookRequest(body, headers, clock.GetCurrentInstant());
        var check = settings.SchemeFor(adapter).Verify(delivery, settings.Secrets);
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
        var parsed = adapter.Parse(delivery, settings.Mapping);
        switch (parsed.Outcome)
        {
            case WebhookOutcome.Rejected:
                ProblemError[] errors = [.. parsed.Problems.Select(p => new ProblemError(p.Path, p.Message))];
                return await log.RefusedAsync(Problem.BadRequest("The delivery cannot be read", errors), StatusCodes.Status400BadRequest, Reason(errors));
            case WebhookOutcome.Ignored:
                return await log.AnsweredAsync(Results.Json(new WebhookReceipt { Outcome = "ignored", Detail = parsed.IgnoredBecause }, SlaJsonContext.Default.WebhookReceipt),
                    "ignored", parsed.IgnoredBecause, null);
        }
        var update = parsed.Update!;
        var key = new CaseKey(connection, update.ExternalId);
        if (!key.FitsTableKeys)
        {
            // The adapters bound an id's length; only an id dense with characters that escape (/ # ? % |) gets here.
            var tooLong = new ProblemError("externalId",
                $"'{update.ExternalId}' takes {key.PartitionKey.Length} characters as a table key with the connection's name; at most {CaseKey.MaxPartitionKeyLength} fit.");
            return await log.RefusedAsync(Problem.BadRequest("The ticket id cannot key a case", [tooLong]), StatusCodes.Status400BadRequest, Reason([tooLong]));
        }
        policies.TryGet(settings.Policy, out var policy);
        var incoming = new IncomingCase
        {
            Key = key,
            DeliveryId = update.DeliveryId,
            EarlierDeliveryIds = update.EarlierDeliveryIds,
            OpenedAt = update.OpenedAt,
            UpdatedAt = update.UpdatedAt,
            Priority = update.Severity ?? update.Priority,
            Title = update.Title,
            Url = update.Url,
            Assignee = update.Assignee,
            Requester = update.Requester,
            Channel = update.Channel,
            Events = update.Events,
            Notes = update.Notes,
            Unmapped = update.Unmapped,
        };
        try
        {
            var outcome = await ingestion.ApplyAsync(policy!, incoming, cancellationToken);
            var word = outcome switch { CommitOutcome.Duplicate => "duplicate", CommitOutcome.Unchanged => "unchanged", _ => "applied" };
            var receipt = Results.Json(new WebhookReceipt { Outcome = word, Case = $"{connection}/{update.ExternalId}" }, SlaJsonContext.Default.WebhookReceipt);
            return await log.AnsweredAsync(receipt, word, update.Notes.Count == 0 || word == "duplicate" ? null : string.Join(" ", update.Notes), update.ExternalId,
                word == "duplicate" ? [] : UnmappedValues.Of(incoming, policy!));
        }
        catch (StorageUnavailableException)
        {
            return CaseEndpoints.Unavailable();
        }
    }

    // The problems of a 400, as the delivery log shows them.
    private static string Reason(IEnumerable<ProblemError> errors) => string.Join("; ", errors);

    private static IResult TooLarge() => Problem.Status(StatusCodes.Status413PayloadTooLarge, "Delivery too large",
        $"A webhook body may be at most {MaxBodyBytes / 1024} KiB; send ids and fields, not attachments.");
}
