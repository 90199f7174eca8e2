using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SlaFunctions.Functions.Tests.Endpoints;

/// <summary>The app hosted in memory, with helpers to post preview requests.</summary>
public sealed class PreviewApi : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new();

    public HttpClient Client => _client ??= _factory.CreateClient();

    private HttpClient? _client;

    public async Task<(HttpResponseMessage Response, JsonNode? Body)> PostAsync(string json, string contentType = "application/json")
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await Client.PostAsync(new Uri("/api/sla/preview", UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose()
    {
        _client?.Dispose();
        _factory.Dispose();
    }

    /// <summary>The policy-format.md example, as JSON.</summary>
    public const string XecuritasPolicy = """
        {
          "id": "xecuritas", "name": "Xecuritas standard support",
          "calendars": {
            "business": { "timeZone": "America/New_York",
              "hours": { "mon": ["08:00-19:00"], "tue": ["08:00-19:00"], "wed": ["08:00-19:00"], "thu": ["08:00-19:00"], "fri": ["08:00-19:00"] },
              "holidays": ["2010-11-25", "2010-11-26", "2010-12-24"] },
            "extended": { "complementOf": "business" }
          },
          "pauseOn": ["pending"],
          "severities": [
            { "id": "1", "name": "Severity-1", "aliases": ["critical", "urgent", "p1", "sev1"],
              "targets": { "firstResponse": { "within": "1h", "calendar": "24x7" }, "resolution": { "within": "1d", "calendar": "24x7" } } },
            { "id": "2", "name": "Severity-2", "aliases": ["high", "major", "p2"],
              "targets": { "firstResponse": { "within": "4h", "calendar": "business" }, "update": { "every": "1d", "calendar": "business" },
                           "resolution": { "businessDays": 2, "calendar": "business" } } }
          ],
          "escalations": [
            { "target": "resolution", "severities": ["1"], "at": { "breach": true }, "notify": ["supportManagement"] },
            { "target": "firstResponse", "at": { "percent": 75 }, "notify": ["assignee"] }
          ]
        }
        """;
}
