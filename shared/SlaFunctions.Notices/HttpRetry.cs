using System.Net;

namespace SlaFunctions.Notices;

/// <summary>How the HTTP senders (ACS email, outbound webhooks) read an unsuccessful answer: which statuses are worth
/// retrying, and how long the server asked us to wait.</summary>
internal static class HttpRetry
{
    /// <summary>True for 408, 429 and every 5xx: the server may take the same request later.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    /// <summary>The answer's <c>Retry-After</c> as a wait (seconds, or a date less the answer's own date), or null.</summary>
    public static TimeSpan? After(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when response.Headers.Date is { } now => date - now > TimeSpan.Zero ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
