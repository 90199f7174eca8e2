using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies;

namespace SlaFunctions.Monitoring.Tests;

/// <summary>Policies for the tests: a small one written here, and the seed contracts in the repository's policies/.</summary>
internal static class TestPolicies
{
    /// <summary>Acme: two severities on the always-open calendar, so times are plain arithmetic.</summary>
    public static Policy Acme { get; } = Read("""
        id: acme
        name: Acme
        calendars:
          office: { timeZone: UTC, hours: { mon: ["09:00-17:00"] } }
        severities:
          - id: "1"
            name: Critical
            targets:
              firstResponse: { within: 1h, calendar: 24x7 }
              resolution: { within: 8h, calendar: 24x7 }
          - id: "2"
            name: Major
            targets:
              firstResponse: { within: 4h, calendar: 24x7 }
              resolution: { within: 24h, calendar: 24x7 }
        """);

    /// <summary>The seed policy <paramref name="id"/> from policies/.</summary>
    public static Policy Seed(string id)
    {
        var read = PolicyReader.ReadFile(Path.Combine(RepositoryRoot, "policies", id + ".yaml"));
        return read.Policy ?? throw new InvalidOperationException(string.Join("; ", read.Problems));
    }

    /// <summary>The folder holding SlaFunctions.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static Policy Read(string yaml)
    {
        var read = PolicyReader.Read(yaml, PolicyFormat.Yaml, baseDirectory: null);
        return read.Policy ?? throw new InvalidOperationException(string.Join("; ", read.Problems));
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SlaFunctions.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("No SlaFunctions.sln above " + AppContext.BaseDirectory);
    }
}
