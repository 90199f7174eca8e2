using System.Xml.Linq;

namespace SlaFunctions.Monitoring.Tests.Architecture;

/// <summary>One project of the repository as its file declares it: its SDK, and what it references.</summary>
internal sealed record ProjectFile(string Path, string Sdk, IReadOnlyList<string> Projects, IReadOnlyList<string> Packages, IReadOnlyList<string> Frameworks,
    IReadOnlyList<string> InternalsVisibleTo)
{
    /// <summary>The project's path from the repository root, with forward slashes.</summary>
    public string Name => System.IO.Path.GetRelativePath(TestPolicies.RepositoryRoot, Path).Replace('\\', '/');

    /// <summary>Every project file under functions/, shared/ and tests/.</summary>
    public static IReadOnlyList<ProjectFile> All { get; } = [.. new[] { "functions", "shared", "tests" }
        .SelectMany(folder => Directory.EnumerateFiles(System.IO.Path.Combine(TestPolicies.RepositoryRoot, folder), "*.csproj", SearchOption.AllDirectories))
        .Where(p => !p.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(Read)];

    /// <summary>The project at <paramref name="name"/> (from the root, e.g. <c>shared/SlaFunctions.Engine/SlaFunctions.Engine.csproj</c>).</summary>
    public static ProjectFile Named(string name) => All.Single(p => p.Name == name);

    private static ProjectFile Read(string path)
    {
        var xml = XDocument.Load(path);
        var folder = System.IO.Path.GetDirectoryName(path)!;
        IReadOnlyList<string> Includes(string item) =>
            [.. xml.Descendants(item).Select(e => (string?)e.Attribute("Include")).OfType<string>()];
        return new ProjectFile(
            path,
            (string?)xml.Root!.Attribute("Sdk") ?? "",
            [.. Includes("ProjectReference").Select(p => System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, p.Replace('\\', System.IO.Path.DirectorySeparatorChar))))],
            Includes("PackageReference"),
            Includes("FrameworkReference"),
            Includes("InternalsVisibleTo"));
    }
}
