using SlaFunctions.Webhooks.Reading;

namespace SlaFunctions.Webhooks.Signatures;

/// <summary>The Standard Webhooks signature (standardwebhooks.com), offered to CloudEvents senders:
/// <c>webhook-signature: v1,&lt;base64 HMAC-SHA256&gt;</c> over <c>webhook-id</c>, a dot, <c>webhook-timestamp</c>
/// (Unix seconds), a dot and the raw body.</summary>
/// <remarks>The secret is written <c>whsec_</c> followed by base64, and the key is the decoded bytes. The signature
/// header may list several space-separated signatures (a sender mid-rotation signs with both secrets); any <c>v1</c>
/// one that matches is enough, and other versions are skipped. The timestamp must fall inside the replay window.
/// <see cref="Sign"/> writes the header for outbound deliveries in the same scheme.</remarks>
public sealed class StandardWebhooksSignatureScheme : ISignatureScheme
{
    /// <summary>The message id header.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The signed timestamp header.</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>What a secret is written with before its base64 key.</summary>
    public const string SecretPrefix = "whsec_";

    private readonly ReplayWindow _window;

    /// <summary>Creates the scheme with the replay window it enforces, usually <see cref="ReplayWindow.FiveMinutes"/>.</summary>
    public StandardWebhooksSignatureScheme(ReplayWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        _window = window;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A secret is not <c>whsec_</c> and base64: the connection is misconfigured.</exception>
    public SignatureCheck Verify(WebhookRequest request, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var id = request.Header(IdHeader)?.Trim();
        var timestamp = request.Header(TimestampHeader)?.Trim();
        var signatures = request.Header(SignatureHeader)?.Trim();
        if (id is null || timestamp is null || signatures is null)
        {
            var missing = id is null ? IdHeader : timestamp is null ? TimestampHeader : SignatureHeader;
            return SignatureCheck.Refused(SignatureProblem.Missing, $"{missing} is missing; sign deliveries as Standard Webhooks describes.");
        }
        if (!WebhookTime.TryParseUnixSeconds(timestamp, out var signedAt))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{TimestampHeader} '{timestamp}' is not Unix seconds.");
        }
        var presented = new List<byte[]>();
        foreach (var entry in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1" && SignatureText.TryBase64(parts[1], out var bytes))
            {
                presented.Add(bytes);
            }
        }
        if (presented.Count == 0)
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{SignatureHeader} holds no v1,<base64> signature.");
        }
        var check = SecretComparison.Check(secrets, secret => Mac(secret, id, timestamp, request.Body), presented,
            $"{SignatureHeader} matches neither secret; sign with the connection's whsec_ secret.");
        return check.IsValid ? _window.Refusal(signedAt, TimestampHeader) ?? check : check;
    }

    /// <summary>The <c>webhook-signature</c> value for a delivery: <c>v1,&lt;base64&gt;</c> for each of
    /// <paramref name="secrets"/>, in the order given (the current secret first), separated by spaces.</summary>
    /// <param name="secrets">Each <c>whsec_</c> followed by base64 (a bare base64 secret is read the same way).</param>
    /// <param name="id">The <c>webhook-id</c>; it must not contain a full stop.</param>
    /// <param name="timestamp">The <c>webhook-timestamp</c>, Unix seconds.</param>
    /// <param name="body">The exact bytes sent.</param>
    /// <exception cref="ArgumentException">A secret is not base64, or <paramref name="id"/> holds a full stop.</exception>
    public static string Sign(IEnumerable<string> secrets, string id, long timestamp, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (id.Contains('.', StringComparison.Ordinal))
        {
            // The signed text joins id, timestamp and body with full stops, so a stop in the id would blur the parts.
            throw new ArgumentException("A Standard Webhooks id may not contain a full stop.", nameof(id));
        }
        var seconds = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(Mac(secret, id, seconds, body))));
    }

    private static byte[] Mac(string secret, string id, string timestamp, ReadOnlyMemory<byte> body) => Hmac.Sha256(Key(secret), $"{id}.{timestamp}.", body);

    private static byte[] Key(string secret)
    {
        var encoded = secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret;
        return SignatureText.TryBase64(encoded, out var key)
            ? key
            : throw new ArgumentException("A Standard Webhooks secret is whsec_ followed by base64; fix the connection's secret.", nameof(secret));
    }
}
