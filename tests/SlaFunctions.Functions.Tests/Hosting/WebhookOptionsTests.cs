using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Hosting;

/// <summary>Connection secrets the app refuses to start with, each problem naming its key.</summary>
public sealed class WebhookOptionsTests
{
    [Fact]
    public async Task Start_UnresolvedKeyVaultReferenceOrShortSecret_StopsNamingEachKey()
    {
        await using var api = new CaseApi(Instant.FromUtc(2026, 3, 9, 9, 0))
            .With("Webhooks:Connections:acme-zendesk:Secrets:0", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/webhook-acme-zendesk-current/)")
            .With("Webhooks:Connections:acme-events:Secrets:0", "too-short");

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Webhooks:Connections:acme-zendesk:Secrets:0 is an unresolved Key Vault reference; check the secret exists and the identity may read it.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-events:Secrets:0 is shorter than 16 characters; use a long random secret.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadMappingOrSchemeSettings_StopsNamingEachKey()
    {
        await using var api = new CaseApi(Instant.FromUtc(2026, 3, 9, 9, 0))
            .With("Webhooks:Connections:acme-zendesk:Scheme", "token")
            .With("Webhooks:Connections:acme-zendesk:SecretHeader", "X Secret")
            .With("Webhooks:Connections:acme-zendesk:Priorities:Urgent", "P0")
            .With("Webhooks:Connections:acme-zendesk:TicketUrlTemplate", "https://acme.zendesk.com/agent/tickets/")
            .With("Webhooks:Connections:acme-zendesk:AgentAccounts:0", " ")
            .With("Webhooks:Connections:acme-zendesk:SeverityLabelPrefixes:0", "")
            .With("Webhooks:Connections:acme-zendesk:GroupFields:0", " ")
            .With("Webhooks:Connections:acme-zendesk:GroupLabelPrefix", " ")
            .With("Webhooks:Connections:acme-events:Scheme", "basic");

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Webhooks:Connections:acme-zendesk:Scheme 'token' is not a scheme; use hmac, header, basic.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-zendesk:SecretHeader 'X Secret' is not a header name", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-zendesk:Priorities:Urgent 'P0' is no severity id or alias of policy 'lumenvox'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-zendesk:TicketUrlTemplate 'https://acme.zendesk.com/agent/tickets/' must be an absolute http(s) URL with {id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-zendesk:AgentAccounts:0 is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-zendesk:SeverityLabelPrefixes:0 is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-zendesk:GroupFields:0 is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-zendesk:GroupLabelPrefix is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhooks:Connections:acme-events:User is needed for Scheme basic", error.Message, StringComparison.Ordinal);
    }
}
