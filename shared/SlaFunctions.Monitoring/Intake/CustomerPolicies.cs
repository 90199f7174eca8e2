namespace SlaFunctions.Monitoring.Intake;

/// <summary>A connection's map from customers and tiers to policies (<c>Policies</c>, <c>TierField</c> and
/// <c>Tiers</c>, with <c>Policy</c> as the default). Names and tiers match ignoring letter case and surrounding
/// whitespace. Immutable once built.</summary>
public sealed class CustomerPolicies
{
    private readonly string _defaultCustomer;
    private readonly string _defaultPolicy;
    private readonly bool _readsTier;
    private readonly Dictionary<string, string> _byCustomer;
    private readonly Dictionary<string, string> _byTier;

    /// <summary>The map of connection <paramref name="name"/> configured with <paramref name="settings"/>.</summary>
    public CustomerPolicies(string name, ConnectionOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _defaultCustomer = string.IsNullOrWhiteSpace(settings.Customer) ? name : settings.Customer.Trim();
        _defaultPolicy = settings.Policy;
        _readsTier = !string.IsNullOrWhiteSpace(settings.TierField);
        _byCustomer = Lookup(settings.Policies);
        _byTier = Lookup(settings.Tiers);
    }

    /// <summary>The customer and policy for a delivery naming <paramref name="organization"/> and
    /// <paramref name="tier"/> (each null or blank when the payload does not say).</summary>
    public CustomerChoice Choose(string? organization, string? tier)
    {
        var org = string.IsNullOrWhiteSpace(organization) ? null : organization.Trim();
        var level = string.IsNullOrWhiteSpace(tier) ? null : tier.Trim();
        string? byCustomer = null;
        if (org is not null)
        {
            _byCustomer.TryGetValue(org, out byCustomer);
        }
        string? byTier = null;
        if (level is not null)
        {
            _byTier.TryGetValue(level, out byTier);
        }
        return new CustomerChoice
        {
            Customer = org ?? _defaultCustomer,
            PolicyId = byCustomer ?? byTier ?? _defaultPolicy,
            NamesCustomer = org is not null,
            // An organisation outside Policies says "the default" only where no tier could say otherwise.
            NamesPolicy = byCustomer is not null || level is not null || (org is not null && !_readsTier),
        };
    }

    /// <summary>The key under which <paramref name="name"/> is matched: trimmed; the lookup ignores letter case.</summary>
    public static string KeyOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim();
    }

    private static Dictionary<string, string> Lookup(Dictionary<string, string> configured)
    {
        var lookup = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, policy) in configured)
        {
            lookup.TryAdd(KeyOf(key), policy.Trim());
        }
        return lookup;
    }
}
