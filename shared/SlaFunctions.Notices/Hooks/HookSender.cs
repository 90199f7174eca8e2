using System.Net;
using System.Net.Http.Headers;
using NodaTime;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Notices.Hooks;

/// <summary>Posts a state change to a webhook endpoint as a CloudEvent (structured JSON mode), signed in the Standard
/// Webhooks scheme: <c>webhook-id</c> (the event's id), <c>webhook-timestamp</c> (Unix seconds, at send time) and
/// <c>webhook-signature</c> (<c>v1,&lt;base64 HMAC-SHA256&gt;</c> over <c>id.timestamp.body</c>, one per secret).</summary>
/// <remarks>2xx is delivered. 408, 429 and 5xx, a timeout and a failed connection are transient (with the endpoint's
/// <c>Retry-After</c>); every other answer, redirects included (they are not followed), is refused.</remarks>
public sealed class HookSender
{
    private readonly HttpClient _http;
    private readonly HookOptions _options;
    private readonly IClock _clock;

    /// <summary>Creates the sender.</summary>
    /// <param name="http">The client to send with, with <see cref="HookOptions.TimeoutSeconds"/> as its timeout and
    /// redirects off; its lifetime is the caller's.</param>
    /// <param name="options">The endpoints.</param>
    /// <param name="clock">Gives <c>webhook-timestamp</c>.</param>
    public HookSender(HttpClient http, HookOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        _http = http;
        _options = options;
        _clock = clock;
    }

    /// <summary>Posts <paramref name="notice"/>, a state change, to the endpoint <paramref name="recipient"/>
    /// (<c>hook:&lt;name&gt;</c>) names.</summary>
    /// <exception cref="ArgumentException"><paramref name="notice"/> is not a state change.</exception>
    public async Task<HookResult> SendAsync(Notice notice, string recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var cloudEvent = StateChangeEvent.From(notice);
        if (_options.EndpointOf(recipient, out var name) is not { } endpoint)
        {
            return new HookResult(HookOutcome.Refused, $"No endpoint Hooks:Endpoints:{name} is configured for '{recipient}'.");
        }
        var body = cloudEvent.ToBytes();
        var timestamp = _clock.GetCurrentInstant().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(StateChangeEvent.MediaType) { CharSet = "utf-8" };
        request.Headers.Add(StandardWebhooksSignatureScheme.IdHeader, cloudEvent.Id);
        request.Headers.Add(StandardWebhooksSignatureScheme.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhooksSignatureScheme.SignatureHeader, StandardWebhooksSignatureScheme.Sign(endpoint.SigningSecrets, cloudEvent.Id, timestamp, body));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return HookResult.Delivered;
            }
            var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            if (HttpRetry.IsTransient(response.StatusCode))
            {
                return new HookResult(HookOutcome.Transient, $"{name} answered {status}.", HttpRetry.After(response));
            }
            var advice = response.StatusCode switch
            {
                HttpStatusCode.Gone => " The receiver wants no more events: remove the endpoint.",
                >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest => " Redirects are not followed: set Url to where it points.",
                _ => "",
            };
            return new HookResult(HookOutcome.Refused, $"{name} refused it: {status}.{advice}");
        }
        catch (HttpRequestException ex)
        {
            return new HookResult(HookOutcome.Transient, $"Could not reach {name} at {endpoint.Address.Authority}: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HookResult(HookOutcome.Transient, $"{name} did not answer within {_options.TimeoutSeconds} s.");
        }
    }
}
