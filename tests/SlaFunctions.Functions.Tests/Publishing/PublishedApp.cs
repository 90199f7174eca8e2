using System.Text.Json.Nodes;
using SlaFunctions.Functions.Tests.Invocations;
using Xunit;

namespace SlaFunctions.Functions.Tests.Publishing;

/// <summary>What <c>bash eng/publish.sh</c> left in artifacts/publish/. eng/test.sh publishes before it runs the
/// tests; run alone, publish first.</summary>
public static class PublishedApp
{
    public static string Root => Path.Combine(FunctionFolders.RepositoryRoot, "artifacts", "publish");

    /// <summary>The app folder; fails the test with the fix when there is none.</summary>
    public static string Folder
    {
        get
        {
            var folder = Path.Combine(Root, "app");
            Assert.True(Directory.Exists(folder), $"No published app at {folder}: run `bash eng/publish.sh` first (eng/test.sh does).");
            return folder;
        }
    }

    public static string Zip => Path.Combine(Root, "app.zip");

    /// <summary>host.json's customHandler.description.defaultExecutablePath.</summary>
    public static string ExecutableName =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "host.json")))!["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>();

    /// <summary>Every file under the app folder, as a zip names it ("sweep/function.json").</summary>
    public static SortedSet<string> Files() => new(
        Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/')),
        StringComparer.Ordinal);
}
