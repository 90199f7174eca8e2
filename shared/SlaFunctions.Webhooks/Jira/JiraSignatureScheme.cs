using System.Text.Json;
using SlaFunctions.Webhooks.Reading;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Webhooks.Jira;

/// <summary>Jira Cloud admin webhooks with a secret: <c>X-Hub-Signature: sha256=</c> and the hex HMAC-SHA256 of the raw
/// body, keyed with the UTF-8 bytes of the secret.</summary>
/// <remarks>The header is <c>method=signature</c>; the method is read, and only <c>sha256</c> is accepted. The body's
/// <c>timestamp</c> (epoch milliseconds) is covered by the HMAC, so once the signature holds it is checked against the
/// replay window. Jira retries for up to about 30 minutes, so that window is wide. Webhooks registered by OAuth or
/// Connect apps send a JWT instead, which this scheme does not read.</remarks>
public sealed class JiraSignatureScheme : ISignatureScheme
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Hub-Signature";

    private readonly ReplayWindow _window;

    /// <summary>Creates the scheme with the replay window the body's <c>timestamp</c> must fall in.</summary>
    public JiraSignatureScheme(ReplayWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        _window = window;
    }

    /// <inheritdoc />
    public SignatureCheck Verify(WebhookRequest request, WebhookSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secrets);
        var header = request.Header(SignatureHeader);
        if (header is null)
        {
            return SignatureCheck.Refused(SignatureProblem.Missing,
                $"{SignatureHeader} is missing; set a Secret on the Jira webhook (System, WebHooks) and put the same secret in the connection.");
        }
        var parts = header.Trim().Split('=', 2);
        if (parts.Length != 2 || !parts[0].Equals("sha256", StringComparison.OrdinalIgnoreCase))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{SignatureHeader} must read sha256=<hex>; other methods are not accepted.");
        }
        if (!SignatureText.TryHex(parts[1], out var presented))
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed, $"{SignatureHeader} is not sha256= followed by hex.");
        }
        var check = SecretComparison.Check(secrets, secret => Hmac.Sha256(secret, "", request.Body), [presented],
            $"{SignatureHeader} matches neither secret; re-enter the webhook's secret in Jira and in the connection (Jira shows it only once).");
        if (check.IsValid && SignedTimestamp(request.Body) is { } millis && WebhookTime.TryParseUnixMilliseconds(millis, out var signedAt))
        {
            return _window.Refusal(signedAt, "The body's timestamp") ?? check;
        }
        return check;
    }

    /// <summary>The top-level <c>timestamp</c> number as written, or null when absent or the body is not JSON (the
    /// adapter reports that).</summary>
    private static string? SignedTimestamp(ReadOnlyMemory<byte> body)
    {
        var reader = new Utf8JsonReader(body.Span);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isTimestamp = reader.ValueTextEquals("timestamp"u8);
                reader.Read();
                if (isTimestamp)
                {
                    return reader.TokenType == JsonTokenType.Number ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan) : null;
                }
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: no timestamp to check here; the adapter rejects the body with the parser's message.
        }
        return null;
    }
}
