using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NodaTime;

namespace SlaFunctions.Notices.Tests.Email;

/// <summary>A local stand-in for the ACS Email endpoint, on Kestrel. It checks each request as ACS does: an HMAC
/// signature recomputed from the request as it arrived (verb, raw path and query, x-ms-date, Host, the body's
/// SHA-256), a date within 15 minutes of <see cref="Now"/>, or a bearer token. Then it answers with the next
/// queued reply, or 202 Accepted.</summary>
internal sealed class FakeAcsServer : IAsyncDisposable
{
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    private LoopbackServer _host = null!;
    private readonly byte[]? _key;
    private readonly string? _token;
    private readonly Queue<(int Status, string? RetryAfter, string? Body)> _replies = new();
    private readonly List<AcsReceivedRequest> _received = [];

    private FakeAcsServer(byte[]? key, string? token)
    {
        _key = key;
        _token = token;
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The time the signature's date is checked against.</summary>
    public Instant Now { get; set; }

    /// <summary>How long to wait before answering, to make a client time out.</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<AcsReceivedRequest> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Starts a server that accepts requests signed with <paramref name="key"/> (HMAC) or carrying the bearer
    /// <paramref name="token"/>.</summary>
    public static async Task<FakeAcsServer> StartAsync(byte[]? key = null, string? token = null)
    {
        var server = new FakeAcsServer(key, token);
        server._host = await LoopbackServer.StartAsync(server.HandleAsync);
        server.Endpoint = server._host.Address;
        return server;
    }

    /// <summary>Queues the replies to the next requests, in order.</summary>
    public void Reply(int status, string? retryAfter = null, string? body = null)
    {
        lock (_replies)
        {
            _replies.Enqueue((status, retryAfter, body));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        if (request.Method != "POST" || !target.StartsWith("/emails:send?api-version=", StringComparison.Ordinal))
        {
            await WriteAsync(context, 404, "NotFound", $"No route for {request.Method} {target}.");
            return;
        }
        if (Denial(request, target, body) is { } denial)
        {
            await WriteAsync(context, 401, "Denied", denial);
            return;
        }
        lock (_received)
        {
            _received.Add(new AcsReceivedRequest(target, request.Headers["Operation-Id"].SingleOrDefault(), JsonDocument.Parse(body).RootElement.Clone()));
        }
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }
        (int Status, string? RetryAfter, string? Body) reply;
        lock (_replies)
        {
            reply = _replies.Count > 0 ? _replies.Dequeue() : (202, null, null);
        }
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }
        context.Response.StatusCode = reply.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body ?? $$"""{"id":"{{request.Headers["Operation-Id"]}}","status":"Running"}""");
    }

    private string? Denial(HttpRequest request, string target, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (_token is not null)
        {
            return authorization == $"Bearer {_token}" ? null : "The bearer token is missing or wrong.";
        }
        const string Prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
        if (_key is null || !authorization.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "No HMAC-SHA256 authorization with SignedHeaders=x-ms-date;host;x-ms-content-sha256.";
        }
        var date = request.Headers["x-ms-date"].ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (sent - Now.ToDateTimeOffset()).Duration() > AllowedSkew)
        {
            return $"x-ms-date '{date}' is missing or more than 15 minutes from now.";
        }
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        if (request.Headers["x-ms-content-sha256"].ToString() != contentHash)
        {
            return "x-ms-content-sha256 is not the hash of the body.";
        }
        var stringToSign = $"{request.Method}\n{target}\n{date};{request.Host.Value};{contentHash}";
        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign));
        var given = Base64OrEmpty(authorization[Prefix.Length..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? null : "The signature does not match.";
    }

    private static byte[] Base64OrEmpty(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : [];
    }

    private static async Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, Dictionary<string, string>> { ["error"] = new() { ["code"] = code, ["message"] = message } }));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
