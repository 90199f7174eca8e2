using Microsoft.AspNetCore.StaticFiles;
using NodaTime;
using SlaFunctions.Monitoring.Board;
using SlaFunctions.Hosting;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Monitoring;
using SlaFunctions.Policies;
using SlaFunctions.Problems;
using SlaFunctions.Storage;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/board</c>: the open cases a support manager watches, in one call; and the board's pages.</summary>
public static class BoardEndpoints
{
    /// <summary>Serves the board's static pages from <c>wwwroot/</c>, <c>/</c> being the board.</summary>
    public static WebApplication UseBoardPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    /// <summary>Maps the board route, and the board's pages again under <c>/api/ui/</c>: behind the Azure Functions
    /// host only <c>/api/...</c> reaches the app, so there the pages are served by the anonymous <c>pages</c>
    /// function. They call the API by absolute paths, so they work under either prefix.</summary>
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder app)
    {
        app.KeyedApi().MapGet("/api/board", GetBoard).WithName("GetBoard");
        app.MapGet("/api/ui/{*file}", GetPage).WithName("BoardPages");
        return app;
    }

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    // A file of wwwroot/, index.html for a folder; /api/ui without its slash is sent to /api/ui/ so relative links
    // resolve. The file provider refuses paths that climb out of wwwroot.
    private static IResult GetPage(HttpRequest request, IWebHostEnvironment environment, string? file = null)
    {
        if (string.IsNullOrEmpty(file) && !request.Path.Value!.EndsWith('/'))
        {
            return Results.Redirect($"{request.PathBase}{request.Path}/");
        }
        var path = string.IsNullOrEmpty(file) || file.EndsWith('/') ? $"{file}index.html" : file;
        var page = environment.WebRootFileProvider.GetFileInfo(path);
        if (!page.Exists || page.IsDirectory)
        {
            return Problem.Status(StatusCodes.Status404NotFound, "No such page", $"'{file}' is not a page of the board; open /api/ui/.");
        }
        return Results.Stream(page.CreateReadStream(), ContentTypes.TryGetContentType(path, out var type) ? type : "application/octet-stream");
    }

    // ?policy=&customer=&severity=&assignee=&state=&limit=200
    private static async Task<IResult> GetBoard(
        BoardCache cache, PolicyCatalog policies, IClock clock,
        string? policy = null, string? customer = null, string? severity = null, string? assignee = null, string? state = null, int? limit = null)
    {
        if (limit is < 1 or > 5000)
        {
            return Problem.BadRequest("The board request is invalid", [new("limit", $"{limit} is out of range; use 1 to 5000.")]);
        }
        if (Blank(state) is { } wanted && !BoardFilter.States.Contains(wanted))
        {
            return Problem.BadRequest("The board request is invalid", [new("state", $"'{state}' is not a state; use {string.Join(", ", BoardFilter.States)}.")]);
        }
        var filter = new BoardFilter(Blank(policy), Blank(customer), Blank(severity), Blank(assignee), Blank(state));
        return Results.Json(await cache.ViewAsync(policies, clock.GetCurrentInstant(), filter, limit ?? 200), MonitoringJsonContext.Default.BoardView);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
