using System.Text;
using NodaTime;

namespace SlaFunctions.Webhooks.Tests;

/// <summary>Builds requests as the endpoint would: raw bytes, headers, the receipt time.</summary>
internal static class Deliveries
{
    public static WebhookRequest Of(byte[] body, params (string Name, string Value)[] headers) => Of(body, TestClock.Now, headers);

    public static WebhookRequest Of(byte[] body, Instant receivedAt, params (string Name, string Value)[] headers) =>
        new(body, headers.Select(h => new KeyValuePair<string, string?>(h.Name, h.Value)), receivedAt);

    public static WebhookRequest Of(string body, params (string Name, string Value)[] headers) => Of(Encoding.UTF8.GetBytes(body), headers);
}
