using System.Text.Json;

namespace SlaFunctions.Notices.Tests.Hooks;

/// <summary>One request a <see cref="HookReceiver"/> got, and how it answered.</summary>
public sealed record HookDelivery(string Method, string Path, string? ContentType, string Id, string Timestamp, string Signature, string Body, bool Verified, int Status)
{
    /// <summary>The body as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    /// <summary>The CloudEvent's <c>type</c>.</summary>
    public string Type => Json.GetProperty("type").GetString()!;

    /// <summary><c>target from→to</c>, e.g. <c>firstResponse running→atRisk</c>.</summary>
    public string Change
    {
        get
        {
            var data = Json.GetProperty("data");
            return $"{data.GetProperty("target").GetString()} {data.GetProperty("from").GetString()}→{data.GetProperty("to").GetString()}";
        }
    }
}
