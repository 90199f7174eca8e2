using System.Globalization;
using System.Security.Cryptography;
using NodaTime;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>Delivery ids: the tool's own where it sends one, else a hash of the exact body.</summary>
internal static class DeliveryId
{
    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of <paramref name="body"/>. A retry of the same body gets
    /// the same id; so, for sources whose bodies carry no time (Freshdesk), does a genuinely repeated event.</summary>
    public static string Hash(ReadOnlyMemory<byte> body) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body.Span));

    /// <summary>How long an exact repeat of a body that carries no time counts as the same delivery: at least this
    /// long, and never more than twice as long (see <see cref="Windowed"/>).</summary>
    public static readonly Duration RepeatWindow = Duration.FromMinutes(10);

    /// <summary>For bodies that carry no time (Freshdesk), where a retry and a genuinely repeated event (an agent's
    /// second reply) send the same bytes: the body's hash and the start of the <see cref="RepeatWindow"/> it arrived
    /// in, with the id the same body had in the window before. Treating either as the same delivery makes a repeat
    /// within one window a duplicate, and one two windows later a new event.</summary>
    public static (string Id, string Earlier) Windowed(ReadOnlyMemory<byte> body, Instant receivedAt)
    {
        var hash = Hash(body);
        var window = receivedAt.ToUnixTimeTicks() / RepeatWindow.BclCompatibleTicks;
        return (At(hash, window), At(hash, window - 1));
    }

    private static string At(string hash, long window) =>
        hash + "@" + Instant.FromUnixTimeTicks(window * RepeatWindow.BclCompatibleTicks).ToString("uuuu-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>The header <paramref name="name"/>, trimmed, or the body's hash when it is absent or blank.</summary>
    public static string FromHeader(WebhookRequest request, string name) =>
        request.Header(name) is { } id && !string.IsNullOrWhiteSpace(id) ? id.Trim() : Hash(request.Body);
}
