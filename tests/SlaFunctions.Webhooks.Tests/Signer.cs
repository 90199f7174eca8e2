using System.Security.Cryptography;
using System.Text;

namespace SlaFunctions.Webhooks.Tests;

/// <summary>Signs bodies the way each tool does, written here independently of the library, with the tests' secrets.</summary>
internal static class Signer
{
    public const string Secret = "test-secret-2026-01";
    public const string OldSecret = "test-secret-2025-07";

    public static byte[] HmacSha256(string secret, string prefix, byte[] body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(prefix).Concat(body).ToArray());

    public static (string, string)[] Zendesk(byte[] body, string timestamp, string secret = Secret) =>
    [
        ("X-Zendesk-Webhook-Signature", Convert.ToBase64String(HmacSha256(secret, timestamp, body))),
        ("X-Zendesk-Webhook-Signature-Timestamp", timestamp),
    ];

    public static (string, string) HubSignature(string header, byte[] body, string secret = Secret) =>
        (header, "sha256=" + Convert.ToHexStringLower(HmacSha256(secret, "", body)));

    public static (string, string)[] ServiceNow(byte[] body, string epochMillis, string secret = Secret) =>
    [
        ("X-Sla-Timestamp", epochMillis),
        ("X-Sla-Signature", "v1=" + Convert.ToBase64String(HmacSha256(secret, epochMillis + ".", body))),
    ];
}
