using System.Buffers;

namespace SlaFunctions.Webhooks.Signatures;

/// <summary>Decodes presented signatures without exceptions: a malformed header is the sender's problem, not a 500.</summary>
internal static class SignatureText
{
    /// <summary>Decodes hex (either case) into bytes; false for anything else, including an odd length.</summary>
    public static bool TryHex(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length / 2];
        var status = Convert.FromHexString(text, bytes, out var consumed, out var written);
        return status == OperationStatus.Done && consumed == text.Length && written == bytes.Length && text.Length > 0;
    }

    /// <summary>Decodes standard base64 into bytes; false for anything else.</summary>
    public static bool TryBase64(string text, out byte[] bytes)
    {
        var buffer = new byte[text.Length];
        if (text.Length > 0 && Convert.TryFromBase64String(text, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }
        bytes = [];
        return false;
    }
}
