using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Posts a JSON delivery with the given headers to <c>/api/webhooks/{connection}</c>, and the bodies the
/// connection tests share.</summary>
internal static class WebhookPost
{
    /// <summary>A Freshdesk automation's <c>ticket.created</c> for ticket 4201, without a link.</summary>
    public static string FreshdeskTicketCreated(string priority = "High") => new JsonObject
    {
        ["schema"] = "slafunctions.freshdesk.v1", ["event"] = "ticket.created", ["actor"] = "customer", ["ticket_id"] = "4201",
        ["subject"] = "Invoice export fails", ["status"] = "Open", ["priority"] = priority,
    }.ToJsonString();

    /// <summary>Posts <paramref name="body"/>; the answer's status, parsed body and media type.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? MediaType)> SendAsync(
        HttpClient client, string connection, string body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/webhooks/{connection}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Content.Headers.ContentType?.MediaType);
    }
}
