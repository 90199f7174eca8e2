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
}
