using System.Reflection;

namespace SlaFunctions.Monitoring.Tests.Architecture;

/// <summary>The layers, pinned: the engine references NodaTime only; the application library references no ASP.NET
/// Core or Functions type; storage keeps to tables and queues; nothing but the tests that run the executable
/// references functions/; no project cycle.</summary>
public sealed class LayerTests
{
    private const string Engine = "shared/SlaFunctions.Engine/SlaFunctions.Engine.csproj";
    private const string Application = "shared/SlaFunctions.Monitoring/SlaFunctions.Monitoring.csproj";
    private const string Storage = "shared/SlaFunctions.Storage/SlaFunctions.Storage.csproj";
    private const string Executable = "functions/SlaFunctions.csproj";

    // The tests that host or publish the executable itself; everything else reaches the application through shared/.
    private static readonly string[] ExecutableTests =
    [
        "tests/SlaFunctions.Functions.Tests/SlaFunctions.Functions.Tests.csproj",
        "tests/SlaFunctions.BoardLoad/SlaFunctions.BoardLoad.csproj",
        "tests/SlaFunctions.SweepBench/SlaFunctions.SweepBench.csproj",
    ];

    [Fact]
    public void Engine_ReferencesNodaTimeOnly()
    {
        var engine = ProjectFile.Named(Engine);

        Assert.Equal(("Microsoft.NET.Sdk", 0, 0), (engine.Sdk, engine.Projects.Count, engine.Frameworks.Count));
        Assert.Equal(["NodaTime"], engine.Packages);
        Assert.Equal(["NodaTime"], OwnReferences(typeof(Engine.Calendars.BusinessCalendar).Assembly).Select(a => a.Name));
    }

    [Fact]
    public void Application_NoAspNetCoreOrFunctions()
    {
        var application = ProjectFile.Named(Application);

        Assert.Equal(("Microsoft.NET.Sdk", 0), (application.Sdk, application.Frameworks.Count));
        Assert.DoesNotContain(application.Packages, IsHostingPackage);
        // Every assembly the application loads, ours transitively, so a library below it cannot bring ASP.NET Core in.
        Assert.DoesNotContain(Closure(typeof(MonitoringJsonContext).Assembly), a => IsHostingPackage(a.Name!));
    }

    [Fact]
    public void Storage_NoNoticesOrWebhooks()
    {
        var references = ProjectFile.Named(Storage).Projects.Select(p => Path.GetFileNameWithoutExtension(p));

        Assert.Equal(["SlaFunctions.Engine"], references);
    }

    // The executable calls the libraries through their public surface only; their internals are for their own tests.
    [Fact]
    public void Libraries_ShowTheirInternalsToTestsOnly()
    {
        var shown = ProjectFile.All.Where(p => p.Name.StartsWith("shared/", StringComparison.Ordinal))
            .SelectMany(p => p.InternalsVisibleTo.Select(to => (p.Name, To: to)));

        Assert.DoesNotContain(shown, s => !s.To.EndsWith(".Tests", StringComparison.Ordinal));
    }

    [Fact]
    public void Executable_ReferencedOnlyByTestsThatRunIt()
    {
        var executable = ProjectFile.Named(Executable).Path;

        var referrers = ProjectFile.All.Where(p => p.Projects.Contains(executable)).Select(p => p.Name);

        Assert.Equal(ExecutableTests.Order(StringComparer.Ordinal), referrers);
    }

    [Fact]
    public void Projects_NoCycle()
    {
        var byPath = ProjectFile.All.ToDictionary(p => p.Path);
        var done = new HashSet<string>();
        var path = new List<string>();

        foreach (var project in ProjectFile.All)
        {
            Visit(project.Path);
        }

        void Visit(string project)
        {
            Assert.False(path.Contains(project), "Project cycle: " + string.Join(" -> ", path.SkipWhile(p => p != project).Append(project).Select(p => byPath[p].Name)));
            if (!done.Add(project))
            {
                return;
            }
            path.Add(project);
            foreach (var reference in byPath[project].Projects)
            {
                Visit(reference);
            }
            path.RemoveAt(path.Count - 1);
        }
    }

    private static bool IsHostingPackage(string name) =>
        name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.Azure.Functions", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.Azure.WebJobs", StringComparison.Ordinal) || name.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal);

    // The references of an assembly other than the runtime's own.
    private static IEnumerable<AssemblyName> OwnReferences(Assembly assembly) =>
        assembly.GetReferencedAssemblies().Where(a => a.Name is not ("System.Runtime" or "netstandard" or "mscorlib") && !a.Name!.StartsWith("System.", StringComparison.Ordinal));

    private static IReadOnlyList<AssemblyName> Closure(Assembly root)
    {
        var seen = new Dictionary<string, AssemblyName>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([root]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (seen.TryAdd(reference.Name!, reference) && reference.Name!.StartsWith("SlaFunctions", StringComparison.Ordinal))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }
        return [.. seen.Values];
    }
}
