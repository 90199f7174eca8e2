using System.Security.Cryptography;
using System.Text;

namespace SlaFunctions.Notices.Email;

/// <summary>The identifiers each transport derives from <see cref="EmailMessage.Id"/>, so a retried send of the same
/// message carries the same ones: the Message-ID header, the pickup file's name, the ACS operation id. They are
/// hashes, so the notice id (which names the rule) never shows in a customer's headers.</summary>
internal static class EmailIds
{
    /// <summary><c>&lt;32 hex digits&gt;@&lt;the sender's domain&gt;</c>, without angle brackets.</summary>
    public static string MessageId(EmailMessage message)
    {
        var at = message.From.LastIndexOf('@');
        var domain = at >= 0 ? message.From[(at + 1)..].Trim().TrimEnd('>') : "";
        var safeDomain = domain.Length > 0 && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-') ? domain.ToLowerInvariant() : "slafunctions.invalid";
        return $"{Hex(message.Id, 16)}@{safeDomain}";
    }

    /// <summary>A file name that is the id's readable characters (at most 80) plus a hash of the whole id, so two
    /// ids that read alike never share a file: <c>zendesk-lumenvox_48213_..._it-ops@lumenvox.example-1f2e3d4c5b6a.eml</c>.</summary>
    public static string FileName(string id)
    {
        var readable = new StringBuilder(Math.Min(id.Length, 80));
        foreach (var c in id)
        {
            if (readable.Length == 80)
            {
                break;
            }
            var keep = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '@' or '+';
            if (keep || (readable.Length > 0 && readable[^1] != '_'))
            {
                readable.Append(keep ? c : '_');
            }
        }
        return $"{readable.ToString().Trim('_', '.')}-{Hex(id, 6)}.eml";
    }

    /// <summary>A name-based UUID (version 8, RFC 9562) from the SHA-256 of the id: the same id always gives the
    /// same operation id.</summary>
    public static Guid OperationId(string id)
    {
        Span<byte> bytes = stackalloc byte[16];
        SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, 16).CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>24 hex digits for a MIME boundary, different from those of the Message-ID.</summary>
    public static string Boundary(string id) => Hex("boundary|" + id, 12);

    private static string Hex(string id, int bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)).AsSpan(0, bytes));
}
