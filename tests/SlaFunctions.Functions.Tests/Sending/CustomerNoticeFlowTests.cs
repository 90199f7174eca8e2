using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Functions.Tests.Sweep;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Standalone;
using SlaFunctions.Storage.Queues;
using SlaFunctions.Monitoring.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sending;

/// <summary>The README's policy that tells the customer ("Telling the customer"), loaded as a policy file, on Azurite:
/// an Urgent case opened Mon 2026-03-09 09:00 GMT misses its first response at 10:00, and the breach email goes to the
/// customer with the connection's customer-facing link, never the agents' ticket URL.</summary>
public sealed class CustomerNoticeFlowTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly string _policies = Directory.CreateTempSubdirectory("slafunctions-readme-policy-").FullName;
    private readonly CaseApi _api;

    public CustomerNoticeFlowTests()
    {
        var root = AppContext.BaseDirectory[..AppContext.BaseDirectory.IndexOf("/tests/", StringComparison.Ordinal)];
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var at = readme.IndexOf("### Telling the customer", StringComparison.Ordinal);
        Assert.True(at > 0, "README has no 'Telling the customer' section.");
        var start = readme.IndexOf("```yaml\n", at, StringComparison.Ordinal) + "```yaml\n".Length;
        File.WriteAllText(Path.Combine(_policies, "acme-standard.yaml"), readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)]);
        File.Copy(Path.Combine(root, "policies", "lumenvox.yaml"), Path.Combine(_policies, "lumenvox.yaml"));
        _api = new CaseApi(Opened)
            .With("Sla:PoliciesPath", _policies)
            .WithConnection("acme-portal", "cloudevents", CaseApi.EventsSecret, "acme-standard")
            .With("Webhooks:Connections:acme-portal:CustomerLinkTemplate", "https://help.acme.example/requests/{id}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        Directory.Delete(_policies, recursive: true);
        if (Directory.Exists(_api.PickupFolder))
        {
            Directory.Delete(_api.PickupFolder, recursive: true);
        }
    }

    [Fact]
    public async Task Breach_PolicyNotifiesTheCustomer_CustomerEmailLinksTheCustomerPageOnly()
    {
        using var client = _api.CreateClient();
        await new CaseEvents(_api, client, "acme-portal").OpenAsync("R-7", Opened, "urgent");

        _api.Clock.Reset(Opened + Duration.FromMinutes(61));
        await _api.Services.GetRequiredService<ISweep>().RunAsync(_api.Services.GetRequiredService<StorageNoticeQueue>(), new CollectedSlices(), default);
        var listener = ActivatorUtilities.CreateInstance<NoticeQueueListener>(_api.Services);
        while (await listener.DrainOnceAsync(default) > 0)
        {
        }

        var emails = Directory.GetFiles(_api.PickupFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal(["bo@vendor.example", "kim@acme.example"], emails.Keys.Order(StringComparer.Ordinal));
        var customer = emails["kim@acme.example"];
        Assert.StartsWith("BREACHED: First response time missed", customer.Subject, StringComparison.Ordinal);
        Assert.Contains("https://help.acme.example/requests/R-7", customer.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("View your case: https://help.acme.example/requests/R-7", customer.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("desk.acme.example", customer.HtmlBody + customer.TextBody, StringComparison.Ordinal);
        // The assignee's email still opens the ticket in the agents' tool.
        Assert.Contains("https://desk.acme.example/cases/R-7", emails["bo@vendor.example"].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_TemplateWithoutId_NamesTheKey()
    {
        var webhooks = new SlaFunctions.Monitoring.Intake.WebhookOptions();
        webhooks.Connections["acme-portal"] = new SlaFunctions.Monitoring.Intake.ConnectionOptions { CustomerLinkTemplate = "https://help.acme.example/requests" };

        Assert.Equal(["Webhooks:Connections:acme-portal:CustomerLinkTemplate 'https://help.acme.example/requests' must be an http(s) address with {id} where the ticket's id goes."],
            CustomerLinks.Problems(webhooks));
    }
}
