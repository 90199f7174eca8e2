using NodaTime;

namespace SlaFunctions.Webhooks;

/// <summary>One delivery as it arrived: the exact body bytes, the headers and when it was received.</summary>
/// <remarks>Adapters and signature schemes read the raw bytes, never a re-serialised body, because a signature is
/// computed over the bytes the sender wrote. Header names are matched case-insensitively; a header sent more than
/// once keeps its first value. Immutable.</remarks>
public sealed class WebhookRequest
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a request.</summary>
    /// <param name="body">The body exactly as received; may be empty.</param>
    /// <param name="headers">Header names and values; a null value counts as absent.</param>
    /// <param name="receivedAt">When the delivery arrived. It stands in for the event time of sources whose bodies carry
    /// none (Freshdesk), so stamp it at receipt, not when a queue hands the delivery on.</param>
    public WebhookRequest(ReadOnlyMemory<byte> body, IEnumerable<KeyValuePair<string, string?>> headers, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Body = body;
        ReceivedAt = receivedAt;
        foreach (var (name, value) in headers)
        {
            if (value is not null)
            {
                _headers.TryAdd(name, value);
            }
        }
    }

    /// <summary>The body exactly as received.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>When the delivery arrived.</summary>
    public Instant ReceivedAt { get; }

    /// <summary>The <c>Content-Type</c> header, or null.</summary>
    public string? ContentType => Header("Content-Type");

    /// <summary>The first value of the header named <paramref name="name"/> (case-insensitive), or null when absent.</summary>
    public string? Header(string name) => _headers.GetValueOrDefault(name);
}
