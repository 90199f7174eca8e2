using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The Functions app layout: one folder per function (its name is the function's name) holding a
/// function.json. Read from the source tree, the build output or the published app alike.</summary>
public static class FunctionFolders
{
    /// <summary>The repository root: the folder holding SlaFunctions.sln, above the test's build output.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Where the function folders are kept in the source tree.</summary>
    public static string Source => Path.Combine(RepositoryRoot, "functions", "Functions");

    /// <summary>Every function.json under <paramref name="root"/>, by function name, parsed.</summary>
    public static SortedDictionary<string, JsonObject> Read(string root) => new(
        Directory.GetDirectories(root)
            .Where(folder => File.Exists(Path.Combine(folder, "function.json")))
            .ToDictionary(folder => Path.GetFileName(folder), folder => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "function.json")))!.AsObject()),
        StringComparer.Ordinal);

    public static IEnumerable<JsonObject> Bindings(JsonObject function) => function["bindings"]!.AsArray().Select(b => b!.AsObject());

    public static JsonObject Trigger(JsonObject function) =>
        Assert.Single(Bindings(function), b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal));

    public static bool IsHttp(JsonObject function) => Trigger(function)["type"]!.GetValue<string>() == "httpTrigger";

    /// <summary>The app's routes as "METHOD /pattern", from its EndpointDataSource, behind the host.</summary>
    public static async Task<HashSet<string>> ServedRoutesAsync()
    {
        await using var api = new FunctionsHostApi();
        using var client = api.CreateClient(); // builds the app
        return [.. api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))];
    }

    /// <summary>What an HTTP function asks the host to proxy: "METHOD /api/route" per method.</summary>
    public static IEnumerable<string> ProxiedRoutes(JsonObject function)
    {
        var trigger = Trigger(function);
        var route = trigger["route"]!.GetValue<string>();
        return trigger["methods"]!.AsArray().Select(m => $"{m!.GetValue<string>().ToUpperInvariant()} /api/{route}");
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
        throw new InvalidOperationException($"No SlaFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
