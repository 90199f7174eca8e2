using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlaFunctions.Invocations;

/// <summary>What the Functions host posts to <c>/{functionName}</c> for a non-HTTP trigger: one entry per trigger or
/// input binding in <see cref="Data"/> (keyed by the binding's <c>name</c>), the trigger's binding data in
/// <see cref="Metadata"/>. Scalar values come double-encoded (see <see cref="HostValue"/>).</summary>
internal sealed record InvocationRequest
{
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement> Data { get; init; } = [];

    [JsonPropertyName("Metadata")]
    public Dictionary<string, JsonElement> Metadata { get; init; } = [];

    /// <summary>What a refusal says when the body is not an envelope.</summary>
    public const string NotAnEnvelope = "the body is not an invocation envelope ({\"Data\":{...},\"Metadata\":{...}})";

    /// <summary>Reads the envelope; null when the body is not one.</summary>
    public static async Task<InvocationRequest?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, InvocationJsonContext.Default.InvocationRequest, cancellationToken);
        }
        catch (JsonException)
        {
            // Not an envelope: the caller answers 400, which fails the invocation.
            return null;
        }
    }

    /// <summary>The value of <paramref name="name"/> in <see cref="Metadata"/>, or (for properties the host nests)
    /// in <see cref="Metadata"/>'s <paramref name="parent"/> object.</summary>
    public JsonElement? MetadataValue(string name, string? parent = null)
    {
        if (parent is null)
        {
            return Metadata.TryGetValue(name, out var value) ? value : null;
        }
        return Metadata.TryGetValue(parent, out var nested) && nested.ValueKind == JsonValueKind.Object && nested.TryGetProperty(name, out var inner)
            ? inner
            : null;
    }
}
