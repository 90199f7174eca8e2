using SlaFunctions.Policies;
using SlaFunctions.Webhooks.Signatures;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>Settings of the <c>Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Webhooks";

    /// <summary>The source kinds a connection may name.</summary>
    public static IReadOnlyList<string> Sources { get; } = ["zendesk", "jira", "servicenow", "freshdesk", "github", "cloudevents"];

    /// <summary>Connections by name (the <c>{connection}</c> in <c>/api/webhooks/{connection}</c>).</summary>
    public Dictionary<string, ConnectionOptions> Connections { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The connection named <paramref name="name"/> in any letter case, with its name spelled as configured,
    /// which is the one a case's key keeps: <c>/api/webhooks/ACME-Zendesk</c> and <c>/api/webhooks/acme-zendesk</c>
    /// reach the same cases.</summary>
    public bool TryFind(string name, out Connection connection)
    {
        _built ??= Connections.ToDictionary(c => c.Key, c => Connection.From(c.Key, c.Value), StringComparer.OrdinalIgnoreCase);
        return _built.TryGetValue(name, out connection!);
    }

    // Built on first use, which is after the start-up check (AddSla refuses to start with problems).
    private Dictionary<string, Connection>? _built;

    /// <summary>Every problem with the connections, each naming its key; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems(PolicyCatalog policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var problems = new List<string>();
        foreach (var (name, connection) in Connections)
        {
            var key = $"Webhooks:Connections:{name}";
            if (!Sources.Contains(connection.Source, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{key}:Source '{connection.Source}' is not a source; use one of {string.Join(", ", Sources)}.");
            }
            if (!connection.Secrets.Any(s => !string.IsNullOrWhiteSpace(s)))
            {
                problems.Add($"{key}:Secrets needs at least one secret (Secrets:0); webhooks are never accepted unsigned.");
            }
            for (var i = 0; i < connection.Secrets.Count; i++)
            {
                if (KeyVaultReference.IsUnresolved(connection.Secrets[i]))
                {
                    problems.Add($"{key}:Secrets:{i} {KeyVaultReference.Problem}");
                }
                else if (connection.Secrets[i].Length is > 0 and < 16)
                {
                    problems.Add($"{key}:Secrets:{i} is shorter than 16 characters; use a long random secret.");
                }
            }
            if (!policies.TryGet(connection.Policy, out _))
            {
                problems.Add($"{key}:Policy '{connection.Policy}' is not a loaded policy ({string.Join(", ", policies.Ids)}).");
            }
            foreach (var (toolStatus, status) in connection.Statuses)
            {
                if (!Policies.Reading.PolicyWords.Statuses.ContainsKey(status))
                {
                    problems.Add($"{key}:Statuses:{toolStatus} '{status}' is not a status; use open, pending, onHold, solved or closed.");
                }
            }
            problems.AddRange(ConnectionRules.Problems(key, connection, policies.TryGet(connection.Policy, out var policy) ? policy : null));
            problems.AddRange(CustomerPolicyRules.Problems(key, connection, policies));
        }
        return problems;
    }
}
