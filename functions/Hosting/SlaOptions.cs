namespace SlaFunctions.Hosting;

/// <summary>Settings of the <c>Sla</c> section.</summary>
public sealed class SlaOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sla";

    /// <summary>Folder of policy files; relative paths are tried from the working folder, then beside the executable.</summary>
    public string PoliciesPath { get; set; } = "policies";

    /// <summary>The policies folder to read, or null when none exists (the app then starts with no policies).</summary>
    public string? ResolvePoliciesPath()
    {
        if (Path.IsPathRooted(PoliciesPath))
        {
            return Directory.Exists(PoliciesPath) ? PoliciesPath : null;
        }
        return new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory }
            .Select(root => Path.Combine(root, PoliciesPath))
            .FirstOrDefault(Directory.Exists);
    }
}
