using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>A correctly signed delivery whose status the connection does not map is never refused or lost: what can be
/// applied is, the case keeps its status, and the unmapped value is noted in the case's history (shown in the case view).
/// One test per tool, each signed as that tool signs, through the real endpoint onto Azurite.</summary>
public sealed class UnmappedStatusTests() : CaseApiTests(new CaseApi(Now)
    .WithConnection("acme-jira", "jira", JiraSecret)
    .WithConnection("acme-freshdesk", "freshdesk", FreshdeskSecret)
    .WithConnection("acme-snow", "servicenow", ServiceNowSecret))
{
    private const string JiraSecret = "jira-test-secret-0123456789";
    private const string FreshdeskSecret = "freshdesk-test-secret-0123456789";
    private const string ServiceNowSecret = "servicenow-test-secret-0123456789";
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);
    private static readonly string NowMillis = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Zendesk_CustomStatusInASnapshot_AppliedNotedAndShown()
    {
        await SendAsync(Zendesk("ticket.created", "New", "Normal"), "acme-zendesk");

        // Zendesk never retries a 4xx: refusing this snapshot would lose its priority change for good.
        await SendAsync(Zendesk("ticket.changed", "Awaiting parts", "Urgent"), "acme-zendesk");

        var view = await ViewAsync("acme-zendesk", "4711");
        Assert.Equal("open", (string)view["status"]!);
        Assert.Contains(History(view), h => (string?)h["type"] == "severity");
        AssertNoted(view, "Status 'Awaiting parts' maps to no case status");
    }

    [Fact]
    public async Task Jira_CustomStatusOfCategoryIndeterminate_OpenAndNoted()
    {
        await SendAsync(Jira("jira:issue_created", "Awaiting customer response", "indeterminate"), "acme-jira");

        var view = await ViewAsync("acme-jira", "SUP-7");
        Assert.Equal("open", (string)view["status"]!);
        AssertNoted(view, "Status 'Awaiting customer response' is not in this connection's status map; taken as open from its category 'indeterminate'");
    }

    [Fact]
    public async Task Jira_ChangelogToAnUnmappedStatus_AcceptedAndNoted()
    {
        await SendAsync(Jira("jira:issue_created", "Open", "new"), "acme-jira");

        // The changelog names a status the issue has since left (fields.status says otherwise), and no map knows it.
        await SendAsync(Jira("jira:issue_updated", "Open", "new", changedTo: "Awaiting vendor"), "acme-jira");

        AssertNoted(await ViewAsync("acme-jira", "SUP-7"), "Status 'Awaiting vendor' maps to no case status");
    }

    [Fact]
    public async Task Freshdesk_UnmappedCustomStatus_AcceptedAndNoted()
    {
        await SendAsync(Freshdesk("ticket.created", "Open"), "acme-freshdesk");

        await SendAsync(Freshdesk("status.changed", "Waiting on Parts"), "acme-freshdesk");

        var view = await ViewAsync("acme-freshdesk", "4201");
        Assert.Equal("open", (string)view["status"]!);
        AssertNoted(view, "Status 'Waiting on Parts' maps to no case status");
    }

    [Fact]
    public async Task ServiceNow_UnmappedState_CommentAppliedAndNoted()
    {
        await SendAsync(ServiceNow("insert", "0", "1", null), "acme-snow");

        await SendAsync(ServiceNow("update", "3", "42", "agent"), "acme-snow");

        var view = await ViewAsync("acme-snow", "INC0010042");
        Assert.Equal("open", (string)view["status"]!);
        Assert.Contains(History(view), h => (string?)h["type"] == "agentReply");
        AssertNoted(view, "Status '42' maps to no case status");
    }

    private static HttpRequestMessage Zendesk(string name, string status, string priority)
    {
        var body = new JsonObject
        {
            ["schema"] = "slafunctions.zendesk.v1", ["event"] = name,
            ["ticket"] = new JsonObject
            {
                ["id"] = "4711", ["title"] = "Calls drop", ["priority"] = priority, ["status"] = status,
                ["created_at"] = "2026-03-09T08:00Z", ["updated_at"] = name == "ticket.created" ? "2026-03-09T08:00Z" : "2026-03-09T08:30Z",
                ["requester_id"] = "100",
            },
            ["actor"] = new JsonObject { ["id"] = "7", ["role"] = "Agent" },
        }.ToJsonString();
        var timestamp = Now.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var request = Post(body);
        request.Headers.Add("X-Zendesk-Webhook-Signature", Convert.ToBase64String(Hmac(CaseApi.ZendeskSecret, timestamp + body)));
        request.Headers.Add("X-Zendesk-Webhook-Signature-Timestamp", timestamp);
        return request;
    }

    private static HttpRequestMessage Jira(string name, string status, string category, string? changedTo = null)
    {
        var body = new JsonObject
        {
            ["timestamp"] = long.Parse(NowMillis, CultureInfo.InvariantCulture) - (changedTo is null ? 60_000 : 0), ["webhookEvent"] = name,
            ["issue"] = new JsonObject
            {
                ["key"] = "SUP-7", ["self"] = "https://acme.atlassian.net/rest/api/2/issue/10007",
                ["fields"] = new JsonObject
                {
                    ["summary"] = "Checkout fails", ["created"] = "2026-03-09T08:00:00.000+0000", ["updated"] = "2026-03-09T08:30:00.000+0000",
                    ["priority"] = new JsonObject { ["name"] = "High" },
                    ["status"] = new JsonObject { ["name"] = status, ["statusCategory"] = new JsonObject { ["key"] = category } },
                },
            },
            ["changelog"] = changedTo is null ? null : new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject { ["field"] = "status", ["fromString"] = "Open", ["toString"] = changedTo }),
            },
        }.ToJsonString();
        var request = Post(body);
        request.Headers.Add("X-Hub-Signature", "sha256=" + Convert.ToHexStringLower(Hmac(JiraSecret, body)));
        return request;
    }

    private static HttpRequestMessage Freshdesk(string name, string status)
    {
        var request = Post(new JsonObject
        {
            ["schema"] = "slafunctions.freshdesk.v1", ["event"] = name, ["actor"] = "agent", ["ticket_id"] = "4201",
            ["subject"] = "Invoice export fails", ["status"] = status, ["priority"] = "High",
        }.ToJsonString());
        request.Content!.Headers.Add("X-Sla-Secret", FreshdeskSecret);
        return request;
    }

    private static HttpRequestMessage ServiceNow(string operation, string version, string state, string? commentBy)
    {
        var body = new JsonObject
        {
            ["source"] = "servicenow", ["operation"] = operation, ["sys_id"] = "9d38", ["number"] = "INC0010042", ["version"] = version,
            ["state"] = state, ["priority"] = "2", ["title"] = "Email down", ["opened_at"] = "2026-03-09T08:00:00Z",
            ["updated_at"] = operation == "insert" ? "2026-03-09T08:00:00Z" : "2026-03-09T08:30:00Z", ["comment_by"] = commentBy,
        }.ToJsonString();
        var request = Post(body);
        request.Headers.Add("X-Sla-Signature", "v1=" + Convert.ToBase64String(Hmac(ServiceNowSecret, NowMillis + "." + body)));
        request.Headers.Add("X-Sla-Timestamp", NowMillis);
        return request;
    }

    private static HttpRequestMessage Post(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/webhooks/x", UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return request;
    }

    private static byte[] Hmac(string secret, string message) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(message));

    private async Task SendAsync(HttpRequestMessage request, string connection)
    {
        using (request)
        {
            request.RequestUri = new Uri($"/api/webhooks/{connection}", UriKind.Relative);
            using var response = await Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
            Assert.Equal("applied", (string)JsonNode.Parse(text)!["outcome"]!);
        }
    }

    private async Task<JsonNode> ViewAsync(string connection, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{connection}/{Uri.EscapeDataString(id)}", UriKind.Relative));
        request.Headers.Add("x-api-key", CaseApi.Key);
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static IEnumerable<JsonNode> History(JsonNode view) => view["history"]!.AsArray().Select(h => h!);

    private static void AssertNoted(JsonNode view, string text) =>
        Assert.Contains(History(view), h => (string?)h["type"] == "systemNote" && ((string?)h["note"])?.Contains(text, StringComparison.Ordinal) == true);
}
