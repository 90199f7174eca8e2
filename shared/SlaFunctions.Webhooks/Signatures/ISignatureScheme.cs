namespace SlaFunctions.Webhooks.Signatures;

/// <summary>How one source proves a delivery came from it: which headers, which bytes, which secret.</summary>
/// <remarks>Run it on the raw request before reading the body as JSON. Implementations compare in constant time and
/// accept either of the two secrets, so a secret can be rotated without losing deliveries.</remarks>
public interface ISignatureScheme
{
    /// <summary>Checks <paramref name="request"/> against <paramref name="secrets"/>. Never throws for a bad request.</summary>
    SignatureCheck Verify(WebhookRequest request, WebhookSecrets secrets);
}
