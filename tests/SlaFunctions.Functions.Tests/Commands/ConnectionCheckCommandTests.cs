using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaFunctions.Commands;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Storage;
using Xunit;

namespace SlaFunctions.Functions.Tests.Commands;

/// <summary><c>connection check NAME</c>: settings with secrets masked, the start-up check's problems, and the last
/// deliveries from the log the deliveries endpoint reads (on Azurite).</summary>
public sealed class ConnectionCheckCommandTests() : CaseApiTests(new CaseApi(Now)
    .WithConnection("acme-freshdesk", "freshdesk", Secret)
    .With("Webhooks:Connections:acme-freshdesk:Statuses:Waiting on Parts", "onHold")
    .With("Webhooks:Connections:acme-freshdesk:GroupFields:0", "Assignment group")
    .With("Webhooks:Connections:acme-freshdesk:GroupLabelPrefix", "squad/"))
{
    private const string Secret = "freshdesk-check-secret-0123456789";
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);

    private static async Task<(int Exit, string Output, string Error)> CheckAsync(IReadOnlyDictionary<string, string?> settings, string name)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ConnectionCheckCommand.RunAsync(configuration, name, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Check_AfterDeliveries_SettingsMaskedAndLastDeliveries()
    {
        await WebhookPost.SendAsync(Client, "acme-freshdesk", WebhookPost.FreshdeskTicketCreated(), ("X-Sla-Secret", Secret));
        await WebhookPost.SendAsync(Client, "acme-freshdesk", WebhookPost.FreshdeskTicketCreated(), ("X-Sla-Secret", "wrong-secret-0123456789abcdef"));
        await Api.Services.GetRequiredService<CaseTables>().WebhookLog.FlushAsync();

        var (exit, output, error) = await CheckAsync(Api.Settings, "ACME-Freshdesk");

        Assert.Equal(CommandLine.Ok, exit);
        Assert.Equal("", error);
        Assert.Contains("connection acme-freshdesk", output, StringComparison.Ordinal);
        Assert.Contains($"Secrets:0: ******** ({Secret.Length} characters)", output, StringComparison.Ordinal);
        Assert.Contains("Statuses:Waiting on Parts: onHold", output, StringComparison.Ordinal);
        Assert.Contains("GroupFields: Assignment group", output, StringComparison.Ordinal);
        Assert.Contains("GroupLabelPrefix: squad/", output, StringComparison.Ordinal);
        Assert.Contains("problems: none", output, StringComparison.Ordinal);
        Assert.Contains("2026-03-09T09:00:00Z applied 200 ticket 4201", output, StringComparison.Ordinal);
        Assert.Contains("refused 401: X-Sla-Secret matches neither secret", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_UnknownConnection_NamesTheConfiguredOnesAndFails()
    {
        var (exit, _, error) = await CheckAsync(Api.Settings, "acme-nothing");

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Contains("No connection is named 'acme-nothing'; configured: acme-events, acme-freshdesk, acme-zendesk", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InvalidSettings_ListsEachProblemByKeyAndFails()
    {
        var settings = new Dictionary<string, string?>(Api.Settings)
        {
            ["Webhooks:Connections:acme-freshdesk:Scheme"] = "basic",
            ["Webhooks:Connections:acme-freshdesk:Secrets:1"] = "short",
            ["Webhooks:Connections:acme-zendesk:Scheme"] = "token", // another connection's problem is not this one's
        };

        var (exit, output, error) = await CheckAsync(settings, "acme-freshdesk");

        Assert.Equal(CommandLine.BadInput, exit);
        Assert.Contains("problems: 2", output, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-freshdesk:User is needed for Scheme basic", error, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-freshdesk:Secrets:1 is shorter than 16 characters", error, StringComparison.Ordinal);
        Assert.DoesNotContain("acme-zendesk", error, StringComparison.Ordinal);
    }
}
