using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.ServiceNow;

/// <summary>Our signature for ServiceNow, which signs nothing itself: <c>X-Sla-Signature: v1=</c> and the base64
/// HMAC-SHA256, keyed with the UTF-8 bytes of the secret, over the <c>X-Sla-Timestamp</c> value (epoch milliseconds),
/// a dot, and the raw body.</summary>
/// <remarks>The business rule computes it with <c>GlideCertificateEncryption.generateMac(gs.base64Encode(secret),
/// 'HmacSHA256', ts + '.' + body)</c>: that call takes a base64-encoded key, so the key it uses is the secret's own
/// bytes, as here. The timestamp must fall inside the replay window.</remarks>
public sealed class ServiceNowSignatureScheme : ISignatureScheme
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Sla-Signature";

    /// <summary>The signed timestamp header.</summary>
    public const string TimestampHeader = "X-Sla-Timestamp";

    private const string Prefix = "v1=";

    private readonly ReplayWindow _window;

    /// <summary>Creates the scheme with the replay window it enforces, usually <see cref="ReplayWindow.FiveMinutes"/>.</summary>
    public ServiceNowSignatureScheme(ReplayWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        _window = window;
    }

    /// <inheritdoc />
    public SignatureCheck Verify(WebhookRequest request, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var signature = request.Header(SignatureHeader)?.Trim();
        var timestamp = request.Header(TimestampHeader)?.Trim();
        if (signature is null || timestamp is null)
        {
            return SignatureCheck.Refused(SignatureProblem.Missing,
                $"{(signature is null ? SignatureHeader : TimestampHeader)} is missing; the business rule must set both headers as the SLA docs show.");
        }
        if (!signature.StartsWith(Prefix, StringComparison.Ordinal) || !SignatureText.TryBase64(signature[Prefix.Length..], out var presented))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{SignatureHeader} must read v1=<base64>.");
        }
        if (!WebhookTime.TryParseUnixMilliseconds(timestamp, out var signedAt))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed,
                $"{TimestampHeader} '{timestamp}' is not epoch milliseconds; send new GlideDateTime().getNumericValue().");
        }
        var check = SecretComparison.Check(secrets, secret => Hmac.Sha256(secret, timestamp + ".", request.Body), [presented],
            $"{SignatureHeader} matches neither secret; check the slafunctions.webhook.secret system property against the connection.");
        return check.IsValid ? _window.Refusal(signedAt, TimestampHeader) ?? check : check;
    }
}
