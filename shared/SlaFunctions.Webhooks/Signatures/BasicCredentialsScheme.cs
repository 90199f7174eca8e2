using System.Security.Cryptography;
using System.Text;

namespace SlaFunctions.Webhooks.Signatures;

/// <summary>For senders that can only log in (Freshdesk's "Requires authentication"): <c>Authorization: Basic</c> with
/// a configured user name and the connection's secret as the password.</summary>
/// <remarks>Weaker than an HMAC, like <see cref="SharedSecretHeaderScheme"/>: nothing covers the body and nothing
/// bounds a replay, so anyone who sees one request can send others. Use HTTPS and a long random password. The user name
/// and password are compared together, both sides hashed first, in constant time.</remarks>
public sealed class BasicCredentialsScheme : ISignatureScheme
{
    private const string Prefix = "Basic ";
    private readonly string _user;

    /// <summary>Creates the scheme.</summary>
    /// <param name="user">The user name the tool sends; never empty, and no <c>:</c> (Basic cannot carry one).</param>
    /// <exception cref="ArgumentException"><paramref name="user"/> is empty or contains <c>:</c>.</exception>
    public BasicCredentialsScheme(string user)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        if (user.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A Basic user name cannot contain ':'.", nameof(user));
        }
        _user = user;
    }

    /// <inheritdoc />
    public SignatureCheck Verify(WebhookRequest request, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var value = request.Header("Authorization")?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return SignatureCheck.Refused(SignatureProblem.Missing,
                "Authorization is missing; turn on the tool's authentication with the connection's user name and secret as the password.");
        }
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || Decode(value[Prefix.Length..]) is not { } credentials
            || !credentials.Contains(':', StringComparison.Ordinal))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, "Authorization must read Basic <base64 of user:password>.");
        }
        return SecretComparison.Check(secrets, secret => Digest($"{_user}:{secret}"), [Digest(credentials)],
            "Authorization's user name and password match neither secret; copy the connection's user name and secret into the tool.");
    }

    private static string? Decode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }

    private static byte[] Digest(string credentials) => SHA256.HashData(Encoding.UTF8.GetBytes(credentials));
}
