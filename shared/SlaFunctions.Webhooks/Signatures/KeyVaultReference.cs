namespace SlaFunctions.Webhooks.Signatures;

/// <summary>A setting that should hold a secret (or a secret URL) but still holds its Key Vault reference,
/// <c>@Microsoft.KeyVault(...)</c>: the platform could not resolve it and passed the app its literal text, which anyone
/// can guess. Both the inbound connections and the outbound webhook endpoints refuse to start on one.</summary>
public static class KeyVaultReference
{
    /// <summary>What a settings problem says after the setting's key.</summary>
    public const string Problem = "is an unresolved Key Vault reference; check the secret exists and the identity may read it.";

    /// <summary>True when <paramref name="setting"/> is a Key Vault reference the platform did not resolve.</summary>
    public static bool IsUnresolved(string? setting) => setting?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) is true;
}
