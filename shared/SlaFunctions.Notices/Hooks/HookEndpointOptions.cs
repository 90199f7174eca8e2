using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Notices.Hooks;

/// <summary>One URL that receives state changes (<c>Hooks:Endpoints:&lt;name&gt;</c>): where, signed with which
/// secrets, and optionally only for some policies or connections.</summary>
public sealed class HookEndpointOptions
{
    /// <summary>The absolute <c>https://</c> (or, for a local receiver, <c>http://</c>) URL posted to. Required.</summary>
    public string? Url { get; set; }

    /// <summary>Standard Webhooks secrets, <c>whsec_</c> followed by base64 of 24 to 64 random bytes. <c>Secrets:0</c>
    /// (required) signs every delivery; while the receiver moves to a new secret, <c>Secrets:1</c> signs it too and
    /// both signatures go in <c>webhook-signature</c>.</summary>
    public List<string> Secrets { get; set; } = [];

    /// <summary>Policy ids whose cases this endpoint hears of; empty for all.</summary>
    public List<string> Policies { get; set; } = [];

    /// <summary>Webhook connections whose cases this endpoint hears of; empty for all.</summary>
    public List<string> Connections { get; set; } = [];

    /// <summary>The URL; call only on options without problems.</summary>
    public Uri Address => new(Url!, UriKind.Absolute);

    /// <summary>The secrets that sign, the current one first, each once (a deployment with nothing to rotate may set
    /// both to the same value).</summary>
    public IReadOnlyList<string> SigningSecrets => [.. Secrets.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal)];

    /// <summary>True when the endpoint hears of a case of <paramref name="policyId"/> from <paramref name="connection"/>.</summary>
    public bool Covers(string connection, string policyId) =>
        (Policies.Count == 0 || Policies.Contains(policyId, StringComparer.OrdinalIgnoreCase))
        && (Connections.Count == 0 || Connections.Contains(connection, StringComparer.OrdinalIgnoreCase));

    /// <summary>Every problem with this endpoint, each naming its key below <paramref name="key"/>.</summary>
    public IEnumerable<string> Problems(string key, IReadOnlyCollection<string> policies, IReadOnlyCollection<string> connections)
    {
        if (KeyVaultReference.IsUnresolved(Url))
        {
            yield return $"{key}:Url {KeyVaultReference.Problem}";
        }
        else if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            yield return $"{key}:Url '{Url}' is not an absolute https:// URL.";
        }
        if (Secrets.Count == 0 || string.IsNullOrWhiteSpace(Secrets[0]))
        {
            yield return $"{key}:Secrets:0 must be set to a whsec_ secret; deliveries are never sent unsigned.";
        }
        for (var i = 0; i < Secrets.Count; i++)
        {
            if (SecretProblem(Secrets[i]) is { } problem)
            {
                yield return $"{key}:Secrets:{i} {problem}";
            }
        }
        foreach (var policy in Policies.Where(p => !policies.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{key}:Policies '{policy}' is not a loaded policy ({string.Join(", ", policies)}).";
        }
        foreach (var connection in Connections.Where(c => !connections.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            yield return $"{key}:Connections '{connection}' is not a configured connection (Webhooks:Connections).";
        }
    }

    private static string? SecretProblem(string secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return null;
        }
        if (KeyVaultReference.IsUnresolved(secret))
        {
            return KeyVaultReference.Problem;
        }
        var prefix = StandardWebhooksSignatureScheme.SecretPrefix;
        var encoded = secret.StartsWith(prefix, StringComparison.Ordinal) ? secret[prefix.Length..] : null;
        var buffer = new byte[secret.Length];
        return encoded is not null && Convert.TryFromBase64String(encoded, buffer, out var length) && length is >= 24 and <= 64
            ? null
            : "is not whsec_ followed by base64 of 24 to 64 random bytes (e.g. whsec_ and `openssl rand -base64 32`).";
    }
}
