using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace SlaFunctions.Notices.Email.Acs;

/// <summary>Signs a request with the resource's access key (HMAC-SHA256 over the verb, path and query, date, host and
/// body hash), as ACS expects of key-based clients.</summary>
internal sealed class AcsAccessKeyAuthorization : IAcsAuthorization
{
    private readonly byte[] _key;
    private readonly IClock _clock;

    /// <exception cref="FormatException"><paramref name="accessKey"/> is not base64.</exception>
    public AcsAccessKeyAuthorization(string accessKey, IClock clock)
    {
        _key = Convert.FromBase64String(accessKey);
        _clock = clock;
    }

    public ValueTask AuthorizeAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no address.", nameof(request));
        var date = _clock.GetCurrentInstant().ToDateTimeOffset().ToString("r", CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var stringToSign = $"{request.Method.Method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-content-sha256", contentHash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
        return ValueTask.CompletedTask;
    }
}
