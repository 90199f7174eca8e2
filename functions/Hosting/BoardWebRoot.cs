namespace SlaFunctions.Hosting;

/// <summary>Finds the board's static pages whatever folder the app is started from.</summary>
/// <remarks><c>dotnet run --project functions</c> runs the app in the caller's folder (the repo root, so that the
/// commands' relative paths and the pickup folder are where the README says), where there is no <c>wwwroot</c>. The
/// build copies the pages beside the assembly, as publishing does, so they are found there.</remarks>
public static class BoardWebRoot
{
    /// <summary>The web root to use: null (the default, <c>wwwroot</c> under the content root) when the working folder has
    /// one, else the <c>wwwroot</c> beside the executable when that exists, else null.</summary>
    public static string? Find()
    {
        if (Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot")))
        {
            return null;
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(beside) ? beside : null;
    }
}
