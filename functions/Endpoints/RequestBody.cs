namespace SlaFunctions.Endpoints;

/// <summary>Reads a request body up to a limit, whether or not the sender declared its length.</summary>
public static class RequestBody
{
    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/> (a sender may omit or
    /// understate Content-Length, so the bytes themselves are counted).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The body as a JSON object, or the problem to answer instead: 415 when it is not declared JSON, 413 when
    /// over <paramref name="maxBytes"/>, 400 (saying the body must be <paramref name="expected"/>) when it is not a
    /// JSON object.</summary>
    public static async Task<(System.Text.Json.Nodes.JsonObject? Body, IResult? Refusal)> ReadObjectAsync(HttpRequest request, int maxBytes, string expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!JsonMediaType.Matches(request.ContentType))
        {
            return (null, SlaFunctions.Problems.Problem.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the request as JSON with 'Content-Type: application/json'."));
        }
        if (await ReadAsync(request, maxBytes, cancellationToken) is not { } bytes)
        {
            return (null, SlaFunctions.Problems.Problem.Status(StatusCodes.Status413PayloadTooLarge, "Request too large", $"A request may be at most {maxBytes} bytes."));
        }
        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(bytes) is System.Text.Json.Nodes.JsonObject body)
            {
                return (body, null);
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Answered below, as a body that is no object.
        }
        return (null, SlaFunctions.Problems.Problem.BadRequest("Malformed request", [new("", $"the body must be a JSON object with {expected}.")]));
    }
}
