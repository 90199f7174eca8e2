using NodaTime;
using SlaFunctions.Board;
using SlaFunctions.Hosting;
using SlaFunctions.Json;
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

    /// <summary>Maps the board route.</summary>
    public static IEndpointRouteBuilder MapBoardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/board", GetBoard).WithName("GetBoard");
        return app;
    }

    // ?policy=&customer=&severity=&assignee=&limit=200
    private static async Task<IResult> GetBoard(
        HttpRequest request, ApiKeyCheck keys, BoardCache cache, PolicyCatalog policies, IClock clock,
        string? policy = null, string? customer = null, string? severity = null, string? assignee = null, int? limit = null)
    {
        if (keys.Refuse(request) is { } refused)
        {
            return refused;
        }
        if (limit is < 1 or > 5000)
        {
            return Problem.BadRequest("The board request is invalid", [new("limit", $"{limit} is out of range; use 1 to 5000.")]);
        }
        try
        {
            var board = await cache.GetAsync();
            var filter = new BoardFilter(Blank(policy), Blank(customer), Blank(severity), Blank(assignee));
            var view = BoardQuery.Build(board, policies, clock.GetCurrentInstant(), filter, limit ?? 200);
            return Results.Json(view, SlaJsonContext.Default.BoardView);
        }
        catch (StorageUnavailableException)
        {
            return CaseEndpoints.Unavailable();
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
