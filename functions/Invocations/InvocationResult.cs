using System.Text.Json.Serialization;
using SlaFunctions.Storage;

namespace SlaFunctions.Invocations;

/// <summary>The answer to an invocation: output binding values by binding name, lines the host logs under the
/// invocation (so they reach Application Insights), and the <c>$return</c> value (never used here).</summary>
/// <remarks>Only a 2xx answer completes the invocation. Any other status fails it: the host then abandons a Service
/// Bus message (redelivered until <c>maxDeliveryCount</c>, then dead-lettered) and drops the outputs.</remarks>
internal sealed record InvocationResult
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, IReadOnlyList<string>> Outputs { get; init; } = [];

    [JsonPropertyName("Logs")]
    public IReadOnlyList<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public string? ReturnValue { get; init; }

    /// <summary>200: the invocation succeeded.</summary>
    public static IResult Done(string log, Dictionary<string, IReadOnlyList<string>>? outputs = null) =>
        Results.Json(new InvocationResult { Outputs = outputs ?? [], Logs = [log] }, InvocationJsonContext.Default.InvocationResult);

    /// <summary>A non-2xx answer: the host fails the invocation (and so retries it where the trigger retries).</summary>
    public static IResult Failed(int statusCode, string log) =>
        Results.Json(new InvocationResult { Logs = [log] }, InvocationJsonContext.Default.InvocationResult, statusCode: statusCode);

    /// <summary>The failure status for what a collaborator threw: 503 for storage, 500 for anything else.</summary>
    public static int StatusFor(Exception exception) =>
        exception is StorageUnavailableException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>400 for an envelope the function cannot use, logged: a protocol mismatch, not a transient failure.</summary>
    public static IResult Refused(ILogger logger, string function, string problem)
    {
        InvocationLog.Refused(logger, function, problem);
        return Failed(StatusCodes.Status400BadRequest, $"Refused: {problem}.");
    }
}
