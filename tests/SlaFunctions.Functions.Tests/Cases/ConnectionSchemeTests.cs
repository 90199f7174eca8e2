using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>The weaker schemes for tools that cannot sign: a secret header (Jira automation's "Send web request") and
/// HTTP Basic (Freshdesk's "Requires authentication"), each with rotation, and 401 problem+json with nothing written
/// when the credentials are wrong or missing.</summary>
public sealed class ConnectionSchemeTests() : CaseApiTests(new CaseApi(Now)
    .WithConnection("acme-jira", "jira", Secret)
    .With("Webhooks:Connections:acme-jira:Secrets:1", OldSecret)
    .With("Webhooks:Connections:acme-jira:Scheme", "header")
    .With("Webhooks:Connections:acme-jira:SecretHeader", "X-Automation-Secret")
    .WithConnection("acme-freshdesk", "freshdesk", Secret)
    .With("Webhooks:Connections:acme-freshdesk:Secrets:1", OldSecret)
    .With("Webhooks:Connections:acme-freshdesk:Scheme", "basic")
    .With("Webhooks:Connections:acme-freshdesk:User", "sla-freshdesk"))
{
    private const string Secret = "scheme-test-secret-0123456789";
    private const string OldSecret = "scheme-old-secret-0123456789";
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    [Theory]
    [InlineData(Secret)]
    [InlineData(OldSecret)] // during a rotation
    public async Task Receive_JiraAutomationWithSecretHeader_Applied(string secret)
    {
        var (status, _) = await SendAsync("acme-jira", Jira(), ("X-Automation-Secret", secret));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(await Store.GetAsync(new CaseKey("acme-jira", "SUP-7"), default));
    }

    [Theory]
    [InlineData("X-Automation-Secret", "scheme-test-secret-012345678")] // a prefix of the secret is not the secret
    [InlineData("X-Sla-Secret", Secret)] // the default header, not the configured one
    public async Task Receive_JiraAutomationWrongOrMissingHeader_401NothingWritten(string header, string secret)
    {
        var (status, problem) = await SendAsync("acme-jira", Jira(), (header, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("X-Automation-Secret", (string)problem!["detail"]!, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(new CaseKey("acme-jira", "SUP-7"), default));
    }

    [Theory]
    [InlineData("sla-freshdesk", Secret)]
    [InlineData("sla-freshdesk", OldSecret)] // during a rotation
    public async Task Receive_FreshdeskBasicCredentials_Applied(string user, string password)
    {
        var (status, _) = await SendAsync("acme-freshdesk", WebhookPost.FreshdeskTicketCreated(), ("Authorization", Basic(user, password)));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(await Store.GetAsync(new CaseKey("acme-freshdesk", "4201"), default));
    }

    [Theory]
    [InlineData("Authorization", "other-user", Secret)] // the right password under another name
    [InlineData("Authorization", "sla-freshdesk", "wrong-password-0123456789")]
    [InlineData("X-Sla-Secret", null, Secret)] // Freshdesk's default header is not accepted once the scheme is basic
    public async Task Receive_FreshdeskWrongOrMissingBasic_401NothingWritten(string header, string? user, string password)
    {
        var (status, problem) = await SendAsync("acme-freshdesk", WebhookPost.FreshdeskTicketCreated(), (header, user is null ? password : Basic(user, password)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains("Authorization", (string)problem!["detail"]!, StringComparison.Ordinal);
        Assert.Null(await Store.GetAsync(new CaseKey("acme-freshdesk", "4201"), default));
    }

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static string Jira() => new JsonObject
    {
        ["timestamp"] = Now.ToUnixTimeMilliseconds() - 60_000, ["webhookEvent"] = "jira:issue_created",
        ["issue"] = new JsonObject
        {
            ["key"] = "SUP-7", ["self"] = "https://acme.atlassian.net/rest/api/2/issue/10007",
            ["fields"] = new JsonObject
            {
                ["summary"] = "Checkout fails", ["created"] = "2026-03-09T08:00:00.000+0000", ["updated"] = "2026-03-09T08:00:00.000+0000",
                ["priority"] = new JsonObject { ["name"] = "High" },
                ["status"] = new JsonObject { ["name"] = "Open", ["statusCategory"] = new JsonObject { ["key"] = "new" } },
            },
        },
    }.ToJsonString();

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(string connection, string body, params (string Name, string Value)[] headers)
    {
        var (status, answer, mediaType) = await WebhookPost.SendAsync(Client, connection, body, headers);
        Assert.Equal(status == HttpStatusCode.OK ? "application/json" : "application/problem+json", mediaType);
        return (status, answer);
    }
}
