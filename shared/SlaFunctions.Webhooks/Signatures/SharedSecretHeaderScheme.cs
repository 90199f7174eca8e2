using System.Security.Cryptography;
using System.Text;

namespace SlaFunctions.Webhooks.Signatures;

/// <summary>For senders that cannot sign (Freshdesk, automation rules): the secret itself travels in a header, by
/// default <c>X-Sla-Secret</c>, or as <c>Authorization: Bearer …</c>.</summary>
/// <remarks>Weaker than an HMAC: anyone who sees one request can replay or forge others, and nothing covers the body.
/// Use a long random secret over HTTPS only, and treat the delivery as a hint (re-read the ticket through the tool's
/// API before trusting it). Both sides are hashed before the constant-time comparison, so even the secret's length
/// does not leak through timing.</remarks>
public sealed class SharedSecretHeaderScheme : ISignatureScheme
{
    /// <summary>The default header.</summary>
    public const string DefaultHeader = "X-Sla-Secret";

    private readonly string _header;
    private readonly string _prefix;

    /// <summary>Creates the scheme.</summary>
    /// <param name="header">The header carrying the secret.</param>
    /// <param name="prefix">Text before the secret in the header's value, e.g. <c>Bearer </c> (matched
    /// case-insensitively); empty for none.</param>
    public SharedSecretHeaderScheme(string header = DefaultHeader, string prefix = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(header);
        ArgumentNullException.ThrowIfNull(prefix);
        _header = header;
        _prefix = prefix;
    }

    /// <summary><c>Authorization: Bearer &lt;secret&gt;</c>, the CloudEvents webhook spec's form.</summary>
    public static SharedSecretHeaderScheme Bearer() => new("Authorization", "Bearer ");

    /// <inheritdoc />
    public SignatureCheck Verify(WebhookRequest request, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var value = request.Header(_header)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return SignatureCheck.Refused(SignatureProblem.Missing,
                $"{_header} is missing; add it as a custom header in the tool's webhook settings, with the connection's secret.");
        }
        if (!value.StartsWith(_prefix, StringComparison.OrdinalIgnoreCase) || value.Length == _prefix.Length)
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{_header} must read {_prefix}<secret>.");
        }
        var presented = Digest(value[_prefix.Length..]);
        return SecretComparison.Check(secrets, Digest, [presented], $"{_header} matches neither secret; copy the connection's secret into the tool's webhook.");
    }

    private static byte[] Digest(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
