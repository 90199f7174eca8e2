using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SlaFunctions.Monitoring.Intake;

namespace SlaFunctions.Monitoring.Tests.Intake;

/// <summary>Which customer and policy a delivery gets from a connection's Policies, TierField and Tiers.</summary>
public sealed class CustomerPoliciesTests
{
    private static readonly ConnectionOptions Lumedx = new()
    {
        Policy = "lumedx-deluxe",
        Customer = "LUMEDX customers",
        Policies = new() { ["Mercy Heart Institute"] = "lumedx-premium", ["St. Luke's Clinic"] = "lumedx-deluxe" },
        TierField = "support_package",
        Tiers = new() { ["Premium"] = "lumedx-premium", ["Deluxe"] = "lumedx-deluxe" },
    };

    [Theory]
    [InlineData("Mercy Heart Institute", null, "Mercy Heart Institute", "lumedx-premium", true, true)] // by customer
    [InlineData("  mercy HEART institute ", null, "mercy HEART institute", "lumedx-premium", true, true)] // letter case and spaces do not count
    [InlineData("St. Luke's Clinic", "Premium", "St. Luke's Clinic", "lumedx-deluxe", true, true)] // the customer's own entry wins over the tier
    [InlineData("Valley Cardiology", "premium", "Valley Cardiology", "lumedx-premium", true, true)] // an unlisted customer by tier
    [InlineData("Valley Cardiology", null, "Valley Cardiology", "lumedx-deluxe", true, false)] // no tier said: the default for a new case, an open case keeps its own
    [InlineData(null, "Gold", "LUMEDX customers", "lumedx-deluxe", false, true)] // a tier outside Tiers is the default, and says so
    [InlineData(null, null, "LUMEDX customers", "lumedx-deluxe", false, false)] // nothing said: the connection's customer and policy
    [InlineData("   ", " ", "LUMEDX customers", "lumedx-deluxe", false, false)] // blank is nothing
    public void Choose_OrganizationAndTier_CustomerAndPolicy(string? organization, string? tier, string customer, string policy, bool namesCustomer, bool namesPolicy)
    {
        var choice = new CustomerPolicies("lumedx-desk", Lumedx).Choose(organization, tier);

        Assert.Equal((customer, policy, namesCustomer, namesPolicy), (choice.Customer, choice.PolicyId, choice.NamesCustomer, choice.NamesPolicy));
    }

    [Fact]
    public void Choose_NoTierFieldAndUnlistedOrganization_DefaultPolicyNamed()
    {
        // Without a tier to say otherwise, a customer outside Policies is under the default: a case moved to it changes back.
        var settings = new ConnectionOptions { Policy = "lumedx-deluxe", Policies = new() { ["Mercy Heart Institute"] = "lumedx-premium" } };

        var choice = new CustomerPolicies("lumedx-desk", settings).Choose("Valley Cardiology", null);

        Assert.Equal(("Valley Cardiology", "lumedx-deluxe", true), (choice.Customer, choice.PolicyId, choice.NamesPolicy));
    }

    [Fact]
    public void Choose_ConfiguredNameWithSpaces_Matches()
    {
        // An environment variable or a JSON key can carry a stray space; the name still matches.
        var settings = new ConnectionOptions { Policy = "lumedx-deluxe", Policies = new() { [" Mercy Heart Institute "] = "lumedx-premium" } };

        Assert.Equal("lumedx-premium", new CustomerPolicies("lumedx-desk", settings).Choose("Mercy Heart Institute", null).PolicyId);
    }

    [Fact]
    public void Choose_NoCustomerConfigured_TheConnectionsName()
    {
        var choice = new CustomerPolicies("lumedx-desk", new ConnectionOptions { Policy = "lumedx-deluxe" }).Choose(null, null);

        Assert.Equal("lumedx-desk", choice.Customer);
    }

    // Customers written in any letter case with spaces around them, against a naive reference: the first configured
    // name equal to the trimmed organisation ignoring case, else the tier's the same way, else the default.
    [Property(MaxTest = 300)]
    public Property Choose_AnySpelling_MatchesTheReference() => Prop.ForAll(Cases.ToArbitrary(), c =>
    {
        var settings = new ConnectionOptions
        {
            Policy = "default",
            Policies = c.Customers.ToDictionary(n => n, n => "by-customer-" + n.ToUpperInvariant()),
            TierField = "tier",
            Tiers = c.Tiers.ToDictionary(n => n, n => "by-tier-" + n.ToUpperInvariant()),
        };

        var choice = new CustomerPolicies("desk", settings).Choose(c.Organization, c.Tier);

        var org = c.Organization?.Trim().ToUpperInvariant();
        var tier = c.Tier?.Trim().ToUpperInvariant();
        var expected = org is not null && c.Customers.Select(n => n.ToUpperInvariant()).Contains(org) ? "by-customer-" + org
            : tier is not null && c.Tiers.Select(n => n.ToUpperInvariant()).Contains(tier) ? "by-tier-" + tier
            : "default";
        Assert.Equal(expected, choice.PolicyId);
        Assert.Equal(string.IsNullOrWhiteSpace(c.Organization) ? "desk" : c.Organization.Trim(), choice.Customer);
    });

    private static readonly string[] Names = ["Mercy", "St. Luke's", "Valley Cardiology", "ACME", "Ärzte Köln"];

    private static Gen<string> Spelling(string name) =>
        from cases in Gen.ArrayOf(Gen.Elements(true, false), name.Length)
        from before in Gen.Elements("", " ", "  ", "\t")
        from after in Gen.Elements("", " ", "\n")
        select before + new string([.. name.Select((ch, i) => cases[i] ? char.ToUpperInvariant(ch) : char.ToLowerInvariant(ch))]) + after;

    private static Gen<string?> Said(Gen<string> names) =>
        Gen.Frequency((4, names.SelectMany(Spelling).Select(s => (string?)s)), (1, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("  ")));

    private static readonly Gen<MappingCase> Cases =
        from customers in Gen.SubListOf(Names)
        from tiers in Gen.SubListOf(new[] { "Deluxe", "Premium", "Gold" })
        from organization in Said(Gen.Elements(Names))
        from tier in Said(Gen.Elements("Deluxe", "Premium", "Gold", "Bronze"))
        select new MappingCase([.. customers], [.. tiers], organization, tier);

    public sealed record MappingCase(string[] Customers, string[] Tiers, string? Organization, string? Tier);
}
