using System.Buffers.Text;
using System.Text;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>The listing's continuation token: storage's own token, marked and base64url-encoded, so a token this API
/// did not give (mistyped, truncated, from another API) is refused instead of silently ending the listing.</summary>
public static class CaseListToken
{
    private const string Mark = "cases:";

    /// <summary>The token to hand out for storage's <paramref name="continuation"/>; null for the last page.</summary>
    public static string? Encode(string? continuation) =>
        continuation is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Mark + continuation));

    /// <summary>Storage's continuation in <paramref name="token"/>; false when it is not a token <see cref="Encode"/> gave.</summary>
    public static bool TryDecode(string token, out string continuation)
    {
        ArgumentNullException.ThrowIfNull(token);
        continuation = "";
        if (!Base64Url.IsValid(token))
        {
            return false;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        if (!text.StartsWith(Mark, StringComparison.Ordinal) || text.Length == Mark.Length)
        {
            return false;
        }
        continuation = text[Mark.Length..];
        return true;
    }
}
