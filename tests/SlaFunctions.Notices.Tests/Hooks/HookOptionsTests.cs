using SlaFunctions.Notices.Hooks;

namespace SlaFunctions.Notices.Tests.Hooks;

/// <summary>The <c>Hooks</c> settings: every problem named by its key, and which endpoints hear of which cases.</summary>
public sealed class HookOptionsTests
{
    private const string Secret = "whsec_c2xhZnVuY3Rpb25zLWhvb2stc2VjcmV0LTAx"; // 27 bytes
    private static readonly string[] Policies = ["lumenvox", "liveops"];
    private static readonly string[] Connections = ["acme-zendesk", "acme-events"];

    private static IReadOnlyList<string> Problems(HookEndpointOptions endpoint, int timeoutSeconds = 15) =>
        new HookOptions { TimeoutSeconds = timeoutSeconds, Endpoints = { ["chat"] = endpoint } }.Problems(Policies, Connections);

    [Fact]
    public void Problems_GoodEndpoint_None()
    {
        Assert.Empty(Problems(new HookEndpointOptions { Url = "https://chat.example/hooks", Secrets = [Secret, Secret], Policies = ["LumenVox"], Connections = ["acme-events"] }));
    }

    [Theory]
    [InlineData(null, "Hooks:Endpoints:chat:Url '' is not an absolute https:// URL.")]
    [InlineData("/hooks", "Hooks:Endpoints:chat:Url '/hooks' is not an absolute https:// URL.")]
    [InlineData("ftp://chat.example/hooks", "Hooks:Endpoints:chat:Url 'ftp://chat.example/hooks' is not an absolute https:// URL.")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/hook-chat-url/)", "Hooks:Endpoints:chat:Url is an unresolved Key Vault reference; check the secret exists and the identity may read it.")]
    public void Problems_BadUrl_Named(string? url, string problem)
    {
        Assert.Equal([problem], Problems(new HookEndpointOptions { Url = url, Secrets = [Secret] }));
    }

    [Theory]
    [InlineData("", "Hooks:Endpoints:chat:Secrets:0 must be set to a whsec_ secret; deliveries are never sent unsigned.")]
    [InlineData("c2xhZnVuY3Rpb25zLWhvb2stc2VjcmV0LTAx", "Hooks:Endpoints:chat:Secrets:0 is not whsec_ followed by base64 of 24 to 64 random bytes (e.g. whsec_ and `openssl rand -base64 32`).")] // no prefix
    [InlineData("whsec_c2hvcnQ=", "Hooks:Endpoints:chat:Secrets:0 is not whsec_ followed by base64 of 24 to 64 random bytes (e.g. whsec_ and `openssl rand -base64 32`).")] // 5 bytes
    [InlineData("whsec_not base64!", "Hooks:Endpoints:chat:Secrets:0 is not whsec_ followed by base64 of 24 to 64 random bytes (e.g. whsec_ and `openssl rand -base64 32`).")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/hook-chat-current/)", "Hooks:Endpoints:chat:Secrets:0 is an unresolved Key Vault reference; check the secret exists and the identity may read it.")]
    public void Problems_BadSecret_Named(string secret, string problem)
    {
        Assert.Equal([problem], Problems(new HookEndpointOptions { Url = "https://chat.example/hooks", Secrets = [secret] }));
    }

    [Fact]
    public void Problems_UnknownPolicyConnectionAndTimeout_EachNamed()
    {
        var problems = Problems(new HookEndpointOptions { Url = "https://chat.example/hooks", Secrets = [Secret], Policies = ["phonism"], Connections = ["jira"] }, timeoutSeconds: 0);

        Assert.Equal(
            [
                "Hooks:TimeoutSeconds 0 must be between 1 and 60.",
                "Hooks:Endpoints:chat:Policies 'phonism' is not a loaded policy (lumenvox, liveops).",
                "Hooks:Endpoints:chat:Connections 'jira' is not a configured connection (Webhooks:Connections).",
            ],
            problems);
    }

    [Theory]
    [InlineData("acme-events", "lumenvox", new[] { "all", "events-only", "lumenvox-only" })]
    [InlineData("acme-zendesk", "lumenvox", new[] { "all", "lumenvox-only" })]
    [InlineData("acme-zendesk", "liveops", new[] { "all" })]
    public void EndpointsFor_Filters_OnlyThoseThatCoverTheCase(string connection, string policy, string[] expected)
    {
        var options = new HookOptions
        {
            Endpoints =
            {
                ["lumenvox-only"] = new HookEndpointOptions { Url = "https://a.example/", Secrets = [Secret], Policies = ["LUMENVOX"] },
                ["all"] = new HookEndpointOptions { Url = "https://b.example/", Secrets = [Secret] },
                ["events-only"] = new HookEndpointOptions { Url = "https://c.example/", Secrets = [Secret], Policies = ["lumenvox"], Connections = ["acme-events"] },
            },
        };

        Assert.Equal(expected, options.EndpointsFor(connection, policy));
    }

    [Theory]
    [InlineData("acme-zendesk", "lumenvox", true)]
    [InlineData("acme-zendesk", "liveops", false)]
    [InlineData("acme-events", "lumenvox", true)]
    public void Announces_TrueOnlyWhenSomeEndpointCoversTheCase(string connection, string policy, bool expected)
    {
        var options = new HookOptions
        {
            Endpoints = { ["lumenvox-only"] = new HookEndpointOptions { Url = "https://a.example/", Secrets = [Secret], Policies = ["lumenvox"] } },
        };

        Assert.Equal(expected, options.Announces(connection, policy));
        Assert.False(new HookOptions().Announces(connection, policy));
    }

    [Fact]
    public void SigningSecrets_PreviousSameAsCurrent_SignsOnce()
    {
        var endpoint = new HookEndpointOptions { Url = "https://chat.example/hooks", Secrets = [Secret, Secret] };

        Assert.Equal([Secret], endpoint.SigningSecrets);
    }
}
