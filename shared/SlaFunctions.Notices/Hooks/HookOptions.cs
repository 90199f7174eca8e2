namespace SlaFunctions.Notices.Hooks;

/// <summary>Settings of the <c>Hooks</c> section: the URLs that receive each target's changes of state as signed
/// CloudEvents (<c>Hooks:Endpoints:&lt;name&gt;</c>), and how long one delivery may take.</summary>
public sealed class HookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Hooks";

    /// <summary>How a notice names an endpoint among its recipients: <c>hook:&lt;name&gt;</c>.</summary>
    public const string RecipientPrefix = "hook:";

    /// <summary>Endpoints by name. None configured means no state change is computed or sent at all.</summary>
    public Dictionary<string, HookEndpointOptions> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long one delivery may take before it counts as failed and is retried: 1 to 60 seconds, 15 by
    /// default (Standard Webhooks suggests 15 to 30).</summary>
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>The names of the endpoints that receive the changes of a case of <paramref name="policyId"/> that came
    /// in by <paramref name="connection"/>, in name order; empty when none does.</summary>
    public IReadOnlyList<string> EndpointsFor(string connection, string policyId) =>
        [.. Endpoints.Where(e => e.Value.Covers(connection, policyId)).Select(e => e.Key).Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>True when some endpoint receives the changes of a case of <paramref name="policyId"/> that came in by
    /// <paramref name="connection"/> (so its target changes are worked out at all).</summary>
    public bool Announces(string connection, string policyId) => Endpoints.Values.Any(e => e.Covers(connection, policyId));

    /// <summary>The endpoint <paramref name="recipient"/> (<c>hook:&lt;name&gt;</c>) names, or null when it names
    /// none that is configured.</summary>
    public HookEndpointOptions? EndpointOf(string recipient, out string name)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        name = recipient.StartsWith(RecipientPrefix, StringComparison.Ordinal) ? recipient[RecipientPrefix.Length..] : "";
        return name.Length > 0 && Endpoints.TryGetValue(name, out var endpoint) ? endpoint : null;
    }

    /// <summary>Every problem with these settings, each naming its key; empty when they are usable.</summary>
    /// <param name="policies">The ids of the loaded policies, which an endpoint's <c>Policies</c> may name.</param>
    /// <param name="connections">The configured webhook connections, which an endpoint's <c>Connections</c> may name.</param>
    public IReadOnlyList<string> Problems(IReadOnlyCollection<string> policies, IReadOnlyCollection<string> connections)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(connections);
        var problems = new List<string>();
        if (TimeoutSeconds is < 1 or > 60)
        {
            problems.Add($"{Section}:TimeoutSeconds {TimeoutSeconds} must be between 1 and 60.");
        }
        foreach (var (name, endpoint) in Endpoints)
        {
            problems.AddRange(endpoint.Problems($"{Section}:Endpoints:{name}", policies, connections));
        }
        return problems;
    }
}
