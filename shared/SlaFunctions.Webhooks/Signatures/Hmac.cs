using System.Security.Cryptography;
using System.Text;

namespace SlaFunctions.Webhooks.Signatures;

/// <summary>HMAC-SHA256 over a text prefix followed by the raw body, without copying the body.</summary>
internal static class Hmac
{
    /// <summary>HMAC-SHA256 with <paramref name="key"/> over the UTF-8 bytes of <paramref name="prefix"/> then
    /// <paramref name="body"/>.</summary>
    public static byte[] Sha256(byte[] key, string prefix, ReadOnlyMemory<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(prefix));
        hmac.AppendData(body.Span);
        return hmac.GetHashAndReset();
    }

    /// <summary>HMAC-SHA256 keyed with the UTF-8 bytes of <paramref name="secret"/>, as Zendesk, Jira and GitHub use it.</summary>
    public static byte[] Sha256(string secret, string prefix, ReadOnlyMemory<byte> body) => Sha256(Encoding.UTF8.GetBytes(secret), prefix, body);
}
