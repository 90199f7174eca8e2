using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using MimeKit;
using NodaTime;
using SlaFunctions.Notices.Email.Acs;

namespace SlaFunctions.Notices.Email;

/// <summary>Sends each email through the Azure Communication Services Email REST API
/// (<c>POST {endpoint}/emails:send</c>), authorized by a Microsoft Entra token or by the resource's access key.</summary>
/// <remarks>Each request carries an <c>Operation-Id</c> derived from the message id, so a retried send of the same
/// message is the same operation to ACS. 202 Accepted means ACS took the message (delivery itself is
/// asynchronous). 408, 429 and 5xx, timeouts and network failures throw <see cref="EmailTransientException"/> with
/// the service's <c>Retry-After</c>; any other status throws <see cref="EmailRejectedException"/> with the service's
/// error message.</remarks>
public sealed class AcsEmailSender : IEmailTransport
{
    /// <summary>The API version sent (GA; <c>2023-03-31</c> has the same schema).</summary>
    public const string ApiVersion = "2025-09-01";

    private readonly HttpClient _http;
    private readonly Uri _sendUri;
    private readonly IAcsAuthorization _authorization;

    /// <summary>Creates a sender that authorizes with a Microsoft Entra token (scope
    /// <c>https://communication.azure.com/.default</c>), such as a <c>ManagedIdentityCredential</c>.</summary>
    /// <param name="http">The client to send with; its lifetime is the caller's.</param>
    /// <param name="endpoint">The resource's endpoint, <c>https://&lt;name&gt;.communication.azure.com</c>.</param>
    /// <param name="credential">Gives the tokens.</param>
    public AcsEmailSender(HttpClient http, Uri endpoint, TokenCredential credential)
        : this(http, endpoint, new AcsTokenAuthorization(credential ?? throw new ArgumentNullException(nameof(credential))))
    {
    }

    /// <summary>Creates a sender that signs each request with the resource's access key (HMAC-SHA256).</summary>
    /// <param name="http">The client to send with; its lifetime is the caller's.</param>
    /// <param name="endpoint">The resource's endpoint, <c>https://&lt;name&gt;.communication.azure.com</c>.</param>
    /// <param name="accessKey">The access key, base64 as the portal shows it.</param>
    /// <param name="clock">Dates each signature.</param>
    /// <exception cref="FormatException"><paramref name="accessKey"/> is not base64.</exception>
    public AcsEmailSender(HttpClient http, Uri endpoint, string accessKey, IClock clock)
        : this(http, endpoint, new AcsAccessKeyAuthorization(accessKey ?? throw new ArgumentNullException(nameof(accessKey)), clock ?? throw new ArgumentNullException(nameof(clock))))
    {
    }

    private AcsEmailSender(HttpClient http, Uri endpoint, IAcsAuthorization authorization)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = http;
        // Built as text: a relative "emails:send" would parse as a URI with the scheme "emails".
        _sendUri = new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/emails:send?api-version={ApiVersion}");
        _authorization = authorization;
    }

    /// <summary>The <c>Operation-Id</c> sent for <paramref name="message"/>: the same for every send of the same
    /// message id.</summary>
    public static Guid OperationIdFor(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return EmailIds.OperationId(message.Id);
    }

    /// <inheritdoc/>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = JsonSerializer.SerializeToUtf8Bytes(Request(message), AcsJsonContext.Default.AcsSendRequest);
        using var request = new HttpRequestMessage(HttpMethod.Post, _sendUri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Operation-Id", OperationIdFor(message).ToString());
        try
        {
            await _authorization.AuthorizeAsync(request, body, cancellationToken).ConfigureAwait(false);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            var error = await ErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
            throw HttpRetry.IsTransient(response.StatusCode)
                ? new EmailTransientException($"ACS deferred the message to {message.To}: {error}") { RetryAfter = HttpRetry.After(response) }
                : new EmailRejectedException($"ACS refused the message to {message.To}: {error}");
        }
        catch (Exception ex) when (ex is HttpRequestException or AuthenticationFailedException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new EmailTransientException($"Could not reach ACS at {_sendUri.Authority}: {ex.Message}", ex);
        }
    }

    private static AcsSendRequest Request(EmailMessage message)
    {
        var sender = MailboxAddress.TryParse(message.From, out var from) ? from.Address : message.From;
        var to = MailboxAddress.TryParse(message.To, out var recipient)
            ? new AcsAddress(recipient.Address, string.IsNullOrEmpty(recipient.Name) ? null : recipient.Name)
            : new AcsAddress(message.To, null);
        return new AcsSendRequest(sender, new AcsRecipients([to]), new AcsContent(message.Subject, message.Text, message.Html), UserEngagementTrackingDisabled: true);
    }

    private static async Task<string> ErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(text, AcsJsonContext.Default.AcsErrorResponse)?.Error is { Message: { Length: > 0 } said } error
                ? $"{status}: {error.Code} {said}".Replace("  ", " ", StringComparison.Ordinal)
                : status;
        }
        catch (JsonException)
        {
            // Not ACS's error JSON (a gateway's page, say): the status is all there is to say.
            return status;
        }
    }
}
