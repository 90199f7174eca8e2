using System.IO.Compression;
using System.Runtime.Versioning;
using SlaFunctions.Functions.Tests.Invocations;
using Xunit;

namespace SlaFunctions.Functions.Tests.Publishing;

/// <summary>The deployable layout: host.json, one folder per function, the executable host.json names, and a zip of
/// exactly those files that keeps the executable bit (the host cannot start the handler without it).</summary>
[UnsupportedOSPlatform("windows")] // the app is published for linux-x64, on Linux (eng/publish.sh)
public sealed class PublishedAppTests
{
    private const UnixFileMode Executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    [Fact]
    public void App_ExecutableFromHostJson_ExistsAndIsExecutable()
    {
        var path = Path.Combine(PublishedApp.Folder, PublishedApp.ExecutableName);

        Assert.True(File.Exists(path), $"host.json names {PublishedApp.ExecutableName}, which is not in the app");
        Assert.Equal(Executable, File.GetUnixFileMode(path) & Executable);
        // Native AOT: one file, no IL beside it for a runtime to load.
        Assert.False(File.Exists(path + ".dll"));
    }

    [Fact]
    public void App_FunctionFolders_TheSourceOnesUnchanged()
    {
        var published = FunctionFolders.Read(PublishedApp.Folder);
        var source = FunctionFolders.Read(FunctionFolders.Source);

        Assert.Equal(source.Keys, published.Keys);
        foreach (var name in source.Keys)
        {
            // A stale publish (function.json edited since) fails here rather than deploying the old bindings.
            Assert.Equal(source[name].ToJsonString(), published[name].ToJsonString());
        }
    }

    [Fact]
    public async Task App_EachHttpFunction_NamesARouteTheAppServes()
    {
        var served = await FunctionFolders.ServedRoutesAsync();

        foreach (var (name, function) in FunctionFolders.Read(PublishedApp.Folder))
        {
            var routes = FunctionFolders.IsHttp(function) ? FunctionFolders.ProxiedRoutes(function) : [$"POST /{name}"];
            foreach (var route in routes)
            {
                Assert.True(served.Contains(route), $"{name}/function.json: the app serves no {route}");
            }
        }
    }

    [Fact]
    public void App_PoliciesBesideTheExecutable()
    {
        Assert.Contains("policies/lumenvox.yaml", PublishedApp.Files());
        Assert.Contains("policies/holidays/us-business-holidays.ics", PublishedApp.Files());
    }

    [Fact]
    public void App_BoardPagesBesideTheExecutable()
    {
        Assert.Contains("wwwroot/index.html", PublishedApp.Files());
        Assert.Contains("wwwroot/js/board.js", PublishedApp.Files());
    }

    [Fact]
    public void Zip_SameFilesAsTheFolder_WithTheirUnixModes()
    {
        using var zip = ZipFile.OpenRead(PublishedApp.Zip);
        var entries = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, StringComparer.Ordinal);

        Assert.Equal(PublishedApp.Files(), new SortedSet<string>(entries.Keys, StringComparer.Ordinal));
        foreach (var (name, entry) in entries)
        {
            // The upper 16 bits of the external attributes hold the Unix mode (zip "made by" Unix).
            var mode = (UnixFileMode)((entry.ExternalAttributes >> 16) & 0x1FF);
            var expected = File.GetUnixFileMode(Path.Combine(PublishedApp.Folder, name));
            Assert.True(mode == expected, $"{name}: mode {mode} in the zip, {expected} on disk");
            Assert.Equal(new FileInfo(Path.Combine(PublishedApp.Folder, name)).Length, entry.Length);
        }
        Assert.Equal(Executable, (UnixFileMode)((entries[PublishedApp.ExecutableName].ExternalAttributes >> 16) & 0x1FF) & Executable);
    }
}
