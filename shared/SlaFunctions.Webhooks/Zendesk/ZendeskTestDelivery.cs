using System.Text.Json;

namespace SlaFunctions.Webhooks.Zendesk;

/// <summary>Recognises what Zendesk's "Test webhook" button sends: whatever body the admin leaves in the test panel (a
/// sample such as <c>{"say": "hello"}</c>, or nothing), signed as every request is.</summary>
/// <remarks>Asked only once the signature holds, so a 2xx tells the admin the secret is right (docs/deploy.md). A body
/// that carries anything of a ticket delivery (<c>schema</c>, <c>type</c>, <c>event</c>, <c>detail</c>, or a field
/// named <c>ticket…</c>) is no test: a trigger body that lacks only its schema is still refused, naming the fix.</remarks>
internal static class ZendeskTestDelivery
{
    /// <summary>Why such a delivery is ignored, for the receipt and the delivery log.</summary>
    public const string Reason = "The signature checked out, but the body is no ticket delivery (no schema, type, event or "
        + "ticket field): Zendesk's \"Test webhook\", presumably. Nothing was written.";

    /// <summary>True when <paramref name="body"/> is empty or a JSON object with no field of a ticket delivery.</summary>
    public static bool Matches(ReadOnlyMemory<byte> body)
    {
        if (body.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return true;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && !document.RootElement.EnumerateObject().Any(p => IsTicketField(p.Name));
        }
        catch (JsonException)
        {
            return false; // the reader refuses it, saying why
        }
    }

    private static bool IsTicketField(string name) =>
        name is "schema" or "type" or "event" or "detail" || name.StartsWith("ticket", StringComparison.OrdinalIgnoreCase);
}
