using System.Diagnostics.CodeAnalysis;
using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Policies;

/// <summary>The policies the app has loaded, by id.</summary>
/// <remarks>Immutable; a reload builds a new catalog and swaps it in whole.</remarks>
public sealed class PolicyCatalog
{
    private readonly Dictionary<string, Policy> _policies;

    /// <summary>A catalog of <paramref name="policies"/>.</summary>
    /// <exception cref="ArgumentException">Two policies share an id.</exception>
    public PolicyCatalog(IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        _policies = new Dictionary<string, Policy>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            if (!_policies.TryAdd(policy.Id, policy))
            {
                throw new ArgumentException($"Two policies have the id '{policy.Id}'.", nameof(policies));
            }
        }
    }

    /// <summary>An empty catalog.</summary>
    public static PolicyCatalog Empty { get; } = new([]);

    /// <summary>The loaded policies' ids, sorted.</summary>
    public IReadOnlyList<string> Ids => [.. _policies.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The policies, sorted by id.</summary>
    public IEnumerable<Policy> All => Ids.Select(id => _policies[id]);

    /// <summary>Finds the version of the policy <paramref name="id"/> that judges a case opened at
    /// <paramref name="openedAt"/>: the version in force then (<see cref="Policy.InForceAt"/>), which hands the case on
    /// to a later <c>openCases</c> version by itself. Every stored case is judged through this.</summary>
    public bool TryGet(string id, Instant openedAt, [NotNullWhen(true)] out Policy? policy)
    {
        policy = _policies.TryGetValue(id, out var first) ? first.InForceAt(openedAt) : null;
        return policy is not null;
    }

    /// <summary>Finds the policy with <paramref name="id"/>: its first version, which holds the later ones
    /// (<see cref="Policy.LaterVersions"/>).</summary>
    public bool TryGet(string id, [NotNullWhen(true)] out Policy? policy) => _policies.TryGetValue(id, out policy);

    /// <summary>As <see cref="LoadDirectory"/>, or no policies when there is no <paramref name="directory"/> (none
    /// found).</summary>
    /// <exception cref="PolicyLoadException">Any file has a problem, or two share an id.</exception>
    public static PolicyCatalog LoadDirectoryOrEmpty(string? directory) => directory is null ? Empty : LoadDirectory(directory);

    /// <summary>Loads every <c>.yaml</c>, <c>.yml</c> and <c>.json</c> policy in <paramref name="directory"/> (not the
    /// schema, not subfolders).</summary>
    /// <exception cref="PolicyLoadException">Any file has a problem, or two share an id; every problem of every file
    /// is listed.</exception>
    public static PolicyCatalog LoadDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var policies = new List<Policy>();
        var problems = new List<string>();
        foreach (var file in PolicyFiles(directory))
        {
            var result = PolicyReader.ReadFile(file);
            if (result.Policy is { } policy)
            {
                policies.Add(policy);
            }
            problems.AddRange(result.Problems.Select(p => $"{Path.GetFileName(file)}: {p}"));
        }
        foreach (var duplicate in policies.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"policy id '{duplicate.Key}' is used by {duplicate.Count()} files; ids must be unique.");
        }
        if (problems.Count > 0)
        {
            throw new PolicyLoadException(directory, problems);
        }
        return new PolicyCatalog(policies);
    }

    /// <summary>The policy files in <paramref name="directory"/>, sorted by name.</summary>
    public static IEnumerable<string> PolicyFiles(string directory) => Directory.EnumerateFiles(directory)
        .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".YAML" or ".YML" or ".JSON" && !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
        .Order(StringComparer.Ordinal);
}
