namespace SlaFunctions.Notices.Tests.Templates;

/// <summary>A fresh overrides folder for one test, deleted afterwards.</summary>
internal sealed class TemplateFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sla-templates-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes <paramref name="relative"/> under the folder and returns its full path.</summary>
    public string Write(string relative, string content)
    {
        var file = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
