using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.GitHub;

/// <summary>GitHub's webhook signature: <c>X-Hub-Signature-256: sha256=</c> and the hex HMAC-SHA256 of the raw body,
/// keyed with the UTF-8 bytes of the webhook's secret.</summary>
/// <remarks>The legacy SHA-1 <c>X-Hub-Signature</c> is not read. Nothing time-based is signed, so a captured delivery
/// verifies for ever: duplicates are stopped by the delivery id, and stale state by the ticket's <c>updated_at</c>.</remarks>
public sealed class GitHubSignatureScheme : ISignatureScheme
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    /// <inheritdoc />
    public SignatureCheck Verify(WebhookRequest request, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var header = request.Header(SignatureHeader)?.Trim();
        if (header is null)
        {
            return SignatureCheck.Refused(SignatureProblem.Missing,
                $"{SignatureHeader} is missing; GitHub sends it only when the webhook has a secret, so set one (Settings, Webhooks).");
        }
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !SignatureText.TryHex(header[Prefix.Length..], out var presented))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{SignatureHeader} must read sha256=<hex>.");
        }
        return SecretComparison.Check(secrets, secret => Hmac.Sha256(secret, "", request.Body), [presented],
            $"{SignatureHeader} matches neither secret; set the same secret on the GitHub webhook and in the connection.");
    }
}
