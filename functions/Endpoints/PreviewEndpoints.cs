using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Monitoring;
using SlaFunctions.Policies;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Problems;

namespace SlaFunctions.Endpoints;

/// <summary><c>POST /api/sla/preview</c>: the what-if calculator (spec: preview-api.md).</summary>
public static class PreviewEndpoints
{
    /// <summary>The largest request body read, in bytes.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Maps the preview route.</summary>
    public static IEndpointRouteBuilder MapPreviewEndpoints(this IEndpointRouteBuilder app)
    {
        app.PublicApi().MapPost("/api/sla/preview", Preview).WithName("PreviewSla");
        return app;
    }

    private static async Task<IResult> Preview(HttpRequest request, PolicyCatalog policies, IClock clock, CancellationToken cancellationToken)
    {
        if (!JsonMediaType.Matches(request.ContentType))
        {
            return Problem.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the preview request as JSON with 'Content-Type: application/json' (got '{request.ContentType ?? "none"}').");
        }
        if (await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } bytes)
        {
            return Problem.Status(StatusCodes.Status413PayloadTooLarge, "Request too large", $"A preview request may be at most {MaxBodyBytes} bytes.");
        }
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(bytes);
        }
        catch (JsonException ex)
        {
            return Problem.BadRequest("Malformed JSON", [new("", $"the body is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}); check quotes, commas and brackets.")]);
        }

        var errors = new List<ProblemError>();
        var preview = PreviewRequestReader.Read(body, errors);
        if (preview is null)
        {
            return Problem.BadRequest("The preview request is invalid", errors);
        }
        if (PreviewPolicy.Resolve(preview, policies, errors) is not { } policy)
        {
            return Problem.BadRequest(preview.Policy is null ? "Unknown policy" : "The policy is invalid", errors);
        }
        var response = PreviewCalculator.Calculate(policy, preview, clock.GetCurrentInstant(), errors);
        return response is null
            ? Problem.BadRequest("The preview request is invalid", errors)
            : Results.Json(response, MonitoringJsonContext.Default.PreviewResponse);
    }
}
