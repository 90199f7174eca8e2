using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace SlaFunctions.Notices.Tests.Hooks;

/// <summary>A webhook receiver on Kestrel, as a chat tool or ticket tool would run one. It checks each delivery's
/// Standard Webhooks signature itself (HMAC-SHA256 of <c>id.timestamp.body</c> keyed with the base64 after
/// <c>whsec_</c>, written here independently of the app) and that the timestamp is within five minutes of
/// <see cref="Now"/>, keeps what it got, and answers with the next queued status, or 200.</summary>
public sealed class HookReceiver : IAsyncDisposable
{
    private LoopbackServer _host = null!;
    private readonly byte[] _key;
    private readonly Queue<(int Status, string? RetryAfter)> _replies = new();
    private readonly List<HookDelivery> _received = [];

    private HookReceiver(byte[] key, Func<Instant> now)
    {
        _key = key;
        Now = now;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:41234/hooks</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>How long to wait before answering, to make a sender time out.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The receiver's clock, for the timestamp check.</summary>
    public Func<Instant> Now { get; }

    /// <summary>Every delivery, in arrival order, with whether its signature and timestamp checked out.</summary>
    public IReadOnlyList<HookDelivery> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The deliveries that verified and were answered 2xx: what the receiver acted on.</summary>
    public IReadOnlyList<HookDelivery> Accepted => [.. Received.Where(d => d.Verified && d.Status is >= 200 and < 300)];

    /// <summary>Starts a receiver that verifies with <paramref name="secret"/> (<c>whsec_...</c>) at the time
    /// <paramref name="now"/> gives.</summary>
    public static async Task<HookReceiver> StartAsync(string secret, Func<Instant> now)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var receiver = new HookReceiver(Convert.FromBase64String(secret["whsec_".Length..]), now);
        receiver._host = await LoopbackServer.StartAsync(receiver.HandleAsync);
        receiver.Url = new Uri(receiver._host.Address, "/hooks");
        return receiver;
    }

    /// <summary>Queues the answers to the next deliveries, in order.</summary>
    public void Reply(int status, string? retryAfter = null)
    {
        lock (_replies)
        {
            _replies.Enqueue((status, retryAfter));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers;
        var id = headers["webhook-id"].ToString();
        var timestamp = headers["webhook-timestamp"].ToString();
        var verified = Verify(id, timestamp, headers["webhook-signature"].ToString(), body);
        (int Status, string? RetryAfter) reply;
        lock (_replies)
        {
            reply = !verified ? (401, null) : _replies.Count > 0 ? _replies.Dequeue() : (200, null);
        }
        lock (_received)
        {
            _received.Add(new HookDelivery(context.Request.Method, context.Request.Path, context.Request.ContentType, id, timestamp,
                headers["webhook-signature"].ToString(), Encoding.UTF8.GetString(body), verified, reply.Status));
        }
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }
        if (reply.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = reply.RetryAfter;
        }
        context.Response.StatusCode = reply.Status;
    }

    private bool Verify(string id, string timestamp, string signatures, byte[] body)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(seconds - Now().ToUnixTimeSeconds()) > 300)
        {
            return false;
        }
        var expected = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray());
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Select(s => Base64OrEmpty(s[3..]))
            .Any(given => CryptographicOperations.FixedTimeEquals(expected, given));
    }

    private static byte[] Base64OrEmpty(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : [];
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
