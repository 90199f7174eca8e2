using System.Security.Cryptography;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>Delivery ids: the tool's own where it sends one, else a hash of the exact body.</summary>
internal static class DeliveryId
{
    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of <paramref name="body"/>. A retry of the same body gets
    /// the same id; so, for sources whose bodies carry no time (Freshdesk), does a genuinely repeated event.</summary>
    public static string Hash(ReadOnlyMemory<byte> body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body.Span));

    /// <summary>The header <paramref name="name"/>, trimmed, or the body's hash when it is absent or blank.</summary>
    public static string FromHeader(WebhookRequest request, string name) =>
        request.Header(name) is { } id && !string.IsNullOrWhiteSpace(id) ? id.Trim() : Hash(request.Body);
}
