using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>The words <see cref="ConnectionOptions.Scheme"/> takes, and the check each one means.</summary>
public static class ConnectionSchemes
{
    /// <summary>The tool's own signature (an HMAC over the body, with a replay window where the tool sends a time).</summary>
    public const string Hmac = "hmac";

    /// <summary>The secret itself in a header; weaker than <see cref="Hmac"/>.</summary>
    public const string Header = "header";

    /// <summary>HTTP Basic with a user name and the secret as password; weaker than <see cref="Hmac"/>.</summary>
    public const string Basic = "basic";

    /// <summary>Every scheme, for validation messages.</summary>
    public static IReadOnlyList<string> All { get; } = [Hmac, Header, Basic];

    /// <summary>The check <paramref name="options"/> asks for; <paramref name="toolDefault"/> for <see cref="Hmac"/>.
    /// The options must be valid.</summary>
    public static ISignatureScheme For(ConnectionOptions options, ISignatureScheme toolDefault)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Scheme.ToLowerInvariant() switch
        {
            Header => new SharedSecretHeaderScheme(string.IsNullOrWhiteSpace(options.SecretHeader) ? SharedSecretHeaderScheme.DefaultHeader : options.SecretHeader.Trim()),
            Basic => new BasicCredentialsScheme(options.User!.Trim()),
            _ => toolDefault,
        };
    }
}
