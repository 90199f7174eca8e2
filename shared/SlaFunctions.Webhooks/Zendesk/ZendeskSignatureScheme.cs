using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.Zendesk;

/// <summary>Zendesk's webhook signature: <c>X-Zendesk-Webhook-Signature</c> = base64 HMAC-SHA256, keyed with the UTF-8
/// bytes of the signing secret (used as written, not base64-decoded), over the <c>X-Zendesk-Webhook-Signature-Timestamp</c>
/// value immediately followed by the raw body.</summary>
/// <remarks>Timestamp then body, with no separator, as Zendesk's current docs and every implementation found do; an
/// older copy of the docs has a sample vector that only matches body then timestamp, and is wrong. The timestamp is
/// ISO-8601 UTC and must fall inside the replay window. The signature does not cover the invocation-id header.</remarks>
public sealed class ZendeskSignatureScheme : ISignatureScheme
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Zendesk-Webhook-Signature";

    /// <summary>The signed timestamp header.</summary>
    public const string TimestampHeader = "X-Zendesk-Webhook-Signature-Timestamp";

    private readonly ReplayWindow _window;

    /// <summary>Creates the scheme with the replay window it enforces, usually <see cref="ReplayWindow.FiveMinutes"/>.</summary>
    public ZendeskSignatureScheme(ReplayWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        _window = window;
    }

    /// <inheritdoc />
    public SignatureCheck Verify(WebhookRequest request, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var signature = request.Header(SignatureHeader);
        var timestamp = request.Header(TimestampHeader);
        if (signature is null || timestamp is null)
        {
            return SignatureCheck.Refused(SignatureProblem.Missing,
                $"{(signature is null ? SignatureHeader : TimestampHeader)} is missing; Zendesk sends it on every webhook request, so this did not come from Zendesk.");
        }
        if (!SignatureText.TryBase64(signature.Trim(), out var presented))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{SignatureHeader} is not base64.");
        }
        if (!WebhookTime.TryParse(timestamp.Trim(), out var signedAt, out var error))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{TimestampHeader} {error}.");
        }
        var check = SecretComparison.Check(secrets, secret => Hmac.Sha256(secret, timestamp, request.Body), [presented],
            $"{SignatureHeader} matches neither secret; copy the webhook's signing secret from Zendesk (Admin Center, Webhooks) into the connection.");
        return check.IsValid ? _window.Refusal(signedAt, TimestampHeader) ?? check : check;
    }
}
