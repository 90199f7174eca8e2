using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Policies;

namespace SlaFunctions.Monitoring.Tests.Intake;

/// <summary>The start-up checks on a connection's customer and tier map name the key to fix.</summary>
public sealed class CustomerPolicyRulesTests
{
    private static readonly PolicyCatalog Catalog = new([TestPolicies.Acme]);

    [Fact]
    public void Problems_UnknownPolicies_NameTheKeys()
    {
        var webhooks = Webhooks(new ConnectionOptions
        {
            Policies = new() { ["Mercy Heart Institute"] = "lumedx-premum" },
            TierField = "tier",
            Tiers = new() { ["Gold"] = "gold" },
        });

        Assert.Equal(
        [
            "Webhooks:Connections:desk:Policies:Mercy Heart Institute 'lumedx-premum' is not a loaded policy (acme).",
            "Webhooks:Connections:desk:Tiers:Gold 'gold' is not a loaded policy (acme).",
        ], webhooks.Problems(Catalog));
    }

    [Fact]
    public void Problems_TiersWithoutTierField_NamesTheKey()
    {
        var webhooks = Webhooks(new ConnectionOptions { Tiers = new() { ["Gold"] = "acme" } });

        Assert.Equal(["Webhooks:Connections:desk:Tiers needs Webhooks:Connections:desk:TierField, the field (or GitHub label prefix) whose value is looked up in Tiers."],
            webhooks.Problems(Catalog));
    }

    [Fact]
    public void Problems_SameCustomerTwiceUpToSpaces_NamesBoth()
    {
        var webhooks = Webhooks(new ConnectionOptions { Policies = new() { ["Mercy"] = "acme", ["Mercy "] = "acme" } });

        Assert.Equal(["Webhooks:Connections:desk:Policies:Mercy  is the same customer as Webhooks:Connections:desk:Policies:Mercy (letter case and spaces around it do not count); keep one."],
            webhooks.Problems(Catalog));
    }

    [Fact]
    public void Problems_BlankTierFieldAndOrganizationField_NameTheKeys()
    {
        var webhooks = Webhooks(new ConnectionOptions { TierField = " ", OrganizationField = "" });

        Assert.Equal(
        [
            "Webhooks:Connections:desk:TierField is empty; write the field (or GitHub label prefix) that carries the tier, e.g. tier, or remove the setting.",
            "Webhooks:Connections:desk:OrganizationField is empty; write the Jira field that names the organisation, e.g. customfield_10002, or remove the setting.",
        ], webhooks.Problems(Catalog));
    }

    private static WebhookOptions Webhooks(ConnectionOptions connection)
    {
        connection.Source = "zendesk";
        connection.Secrets = ["zendesk-test-secret-0123456789"];
        connection.Policy = "acme";
        var webhooks = new WebhookOptions();
        webhooks.Connections["desk"] = connection;
        return webhooks;
    }
}
