using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;

namespace SlaFunctions.Notices.Email;

/// <summary>Sends through Azure Communication Services Email's REST API (<c>POST /emails:send</c>), signed in with an
/// Entra ID token (a managed identity in Azure) or with the resource's access key (HMAC-SHA256).</summary>
/// <remarks>Each send carries an <c>Operation-Id</c> made from the message id, the same on every retry. 202 is
/// accepted; 429 (honouring Retry-After), 5xx and no answer are transient; any other status is a refusal for
/// good.</remarks>
public sealed class AcsEmailSender : IEmailTransport
{
    private static readonly string[] Scopes = ["https://communication.azure.com/.default"];
    private readonly HttpClient _http;
    private readonly AcsEmailOptions _options;
    private readonly TokenCredential? _credential;
    private readonly TimeProvider _time;

    /// <summary>Signs with <paramref name="credential"/> when given, else with <see cref="AcsEmailOptions.AccessKey"/>.</summary>
    public AcsEmailSender(HttpClient http, AcsEmailOptions options, TokenCredential? credential = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Endpoint is null)
        {
            throw new ArgumentException("Email:Acs:Endpoint is not set.", nameof(options));
        }
        if (credential is null && string.IsNullOrEmpty(options.AccessKey))
        {
            throw new ArgumentException("Either a credential or Email:Acs:AccessKey is needed.", nameof(options));
        }
        _http = http;
        _options = options;
        _credential = credential;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The Operation-Id of <paramref name="message"/>: a UUID from a hash of its id.</summary>
    public static Guid OperationId(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(message.Id));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    /// <summary>The string ACS's HMAC scheme signs.</summary>
    public static string StringToSign(string verb, Uri uri, string date, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return $"{verb}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
    }

    /// <inheritdoc/>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Encoding.UTF8.GetBytes(Body(message).ToJsonString());
        var uri = new Uri(_options.Endpoint!, $"/emails:send?api-version={_options.ApiVersion}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Operation-Id", OperationId(message).ToString());
        await SignAsync(request, uri, body, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new EmailTransientException($"Azure Communication Services did not answer: {ex.Message}", ex);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                return;
            }
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var said = $"Azure Communication Services answered {status}: {ErrorMessage(detail)}";
            if (status is 408 or 429 or >= 500)
            {
                var wait = response.Headers.RetryAfter?.Delta;
                throw new EmailTransientException(wait is { } delta ? $"{said} (retry after {delta.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)" : said);
            }
            throw new EmailRejectedException(said);
        }
    }

    private async Task SignAsync(HttpRequestMessage request, Uri uri, byte[] body, CancellationToken cancellationToken)
    {
        if (_credential is not null)
        {
            var token = await _credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            return;
        }
        var date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(_options.AccessKey!), Encoding.UTF8.GetBytes(StringToSign("POST", uri, date, contentHash))));
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-content-sha256", contentHash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    // Built as a JsonObject so no reflection-based serialization is needed.
    private static JsonObject Body(EmailMessage message) => new()
    {
        ["senderAddress"] = message.From,
        ["recipients"] = new JsonObject { ["to"] = new JsonArray(new JsonObject { ["address"] = message.To }) },
        ["content"] = new JsonObject { ["subject"] = message.Subject, ["plainText"] = message.Text, ["html"] = message.Html },
        ["headers"] = new JsonObject { ["Message-ID"] = "<" + EmailMime.MessageId(message) + ">" },
        ["userEngagementTrackingDisabled"] = true,
    };

    private static string ErrorMessage(string detail)
    {
        try
        {
            return JsonNode.Parse(detail)?["error"]?["message"]?.GetValue<string>() ?? detail;
        }
        catch (JsonException)
        {
            return detail;
        }
    }
}
