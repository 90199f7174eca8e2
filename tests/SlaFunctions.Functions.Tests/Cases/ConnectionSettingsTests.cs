using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Every per-connection setting is read from <c>Webhooks:Connections:&lt;name&gt;</c> and reaches the adapter
/// through the one <c>Connection</c> model; priorities are mapped once, by the adapter.</summary>
public sealed class ConnectionSettingsTests() : CaseApiTests(new CaseApi(Now)
    .WithConnection("acme-freshdesk", "freshdesk", FreshdeskSecret)
    .With("Webhooks:Connections:acme-freshdesk:Priorities:High", "2")
    .With("Webhooks:Connections:acme-freshdesk:Priorities:2", "4")
    .With("Webhooks:Connections:acme-freshdesk:TicketUrlTemplate", "https://acme.freshdesk.com/a/tickets/{id}")
    .WithConnection("acme-github", "github", GitHubSecret)
    .With("Webhooks:Connections:acme-github:SeverityLabelPrefixes:0", "impact/")
    .With("Webhooks:Connections:acme-github:AgentAccounts:0", "octo-agent")
    .With("Webhooks:Connections:acme-github:GroupLabelPrefix", "squad/")
    .WithConnection("acme-jira", "jira", JiraSecret)
    .With("Webhooks:Connections:acme-jira:GroupFields:0", "Assignment group"))
{
    private const string JiraSecret = "jira-test-secret-0123456789";
    private const string FreshdeskSecret = "freshdesk-test-secret-0123456789";
    private const string GitHubSecret = "github-test-secret-0123456789";
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    [Fact]
    public async Task Receive_PriorityMapThatChains_MappedOnceByTheAdapter()
    {
        await SendAsync("acme-freshdesk", WebhookPost.FreshdeskTicketCreated(), ("X-Sla-Secret", FreshdeskSecret));

        // High → 2 by the connection's map; before the one model, ingestion mapped 2 → 4 a second time.
        var stored = await Store.GetAsync(new CaseKey("acme-freshdesk", "4201"), default);
        Assert.Equal("2", stored!.Snapshot.OpenedSeverity);
    }

    [Fact]
    public async Task Receive_PayloadWithoutLink_TicketUrlTemplateFromSettings()
    {
        await SendAsync("acme-freshdesk", WebhookPost.FreshdeskTicketCreated(), ("X-Sla-Secret", FreshdeskSecret));

        var stored = await Store.GetAsync(new CaseKey("acme-freshdesk", "4201"), default);
        Assert.Equal("https://acme.freshdesk.com/a/tickets/4201", stored!.Snapshot.Url);
    }

    [Fact]
    public async Task Receive_LabelsWithConfiguredPrefixes_SeverityAndGroupFromLabels()
    {
        var body = new JsonObject
        {
            ["action"] = "opened",
            ["issue"] = new JsonObject
            {
                ["number"] = 1, ["title"] = "Checkout fails", ["html_url"] = "https://github.com/acme/app/issues/1",
                ["created_at"] = "2026-03-09T08:55:00Z", ["updated_at"] = "2026-03-09T08:55:00Z",
                ["labels"] = new JsonArray(new JsonObject { ["name"] = "impact/2" }, new JsonObject { ["name"] = "squad/Payments" }), ["user"] = new JsonObject { ["login"] = "kim" },
            },
            ["repository"] = new JsonObject { ["full_name"] = "acme/app" },
        }.ToJsonString();
        var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(GitHubSecret), Encoding.UTF8.GetBytes(body)));

        await SendAsync("acme-github", body, ("X-GitHub-Event", "issues"), ("X-GitHub-Delivery", "d-1"), ("X-Hub-Signature-256", signature));

        var stored = await Store.GetAsync(new CaseKey("acme-github", "acme/app#1"), default);
        Assert.Equal("2", stored!.Snapshot.OpenedSeverity);
        Assert.Contains(stored.History, h => h.Event.Type == CaseEventType.Group && h.Event.Group == "Payments");
    }

    [Fact]
    public async Task Receive_JiraChangelogOfConfiguredGroupField_GroupEvent()
    {
        await SendAsync("acme-jira", Jira("jira:issue_created", null), JiraSignature(Jira("jira:issue_created", null)));
        var update = Jira("jira:issue_updated", new JsonObject { ["field"] = "Assignment group", ["fromString"] = null, ["toString"] = "Level 2" });

        await SendAsync("acme-jira", update, JiraSignature(update));

        var stored = await Store.GetAsync(new CaseKey("acme-jira", "SUP-7"), default);
        Assert.Contains(stored!.History, h => h.Event.Type == CaseEventType.Group && h.Event.Group == "Level 2");
    }

    private static string Jira(string name, JsonObject? change) => new JsonObject
    {
        ["timestamp"] = Now.ToUnixTimeMilliseconds() - (change is null ? 60_000 : 0), ["webhookEvent"] = name,
        ["issue"] = new JsonObject
        {
            ["key"] = "SUP-7", ["self"] = "https://acme.atlassian.net/rest/api/2/issue/10007",
            ["fields"] = new JsonObject
            {
                ["summary"] = "Checkout fails", ["created"] = "2026-03-09T08:00:00.000+0000", ["updated"] = "2026-03-09T08:30:00.000+0000",
                ["priority"] = new JsonObject { ["name"] = "High" },
                ["status"] = new JsonObject { ["name"] = "Open", ["statusCategory"] = new JsonObject { ["key"] = "new" } },
            },
        },
        ["changelog"] = change is null ? null : new JsonObject { ["items"] = new JsonArray(change) },
    }.ToJsonString();

    private static (string, string) JiraSignature(string body) =>
        ("X-Hub-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(JiraSecret), Encoding.UTF8.GetBytes(body))));

    private async Task SendAsync(string connection, string body, params (string Name, string Value)[] headers)
    {
        var (status, answer, _) = await WebhookPost.SendAsync(Client, connection, body, headers);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {answer}");
        Assert.Equal("applied", (string)answer!["outcome"]!);
    }
}
