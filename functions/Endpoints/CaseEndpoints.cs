using SlaFunctions.Monitoring;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Problems;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/cases/{connection}/{externalId}</c>: a case's SLA state, judged now; <c>GET /api/cases</c>:
/// open cases by state, a page at a time.</summary>
public static class CaseEndpoints
{
    /// <summary>Maps the case routes.</summary>
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.KeyedApi();
        api.MapGet("/api/cases/{connection}/{externalId}", GetCase).WithName("GetCase");
        api.MapGet("/api/cases", ListCases).WithName("ListCases");
        return app;
    }

    private static async Task<IResult> GetCase(string connection, string externalId, HttpRequest request, CaseQueries cases, CancellationToken cancellationToken)
    {
        if (CasePath.Segments(request) is [var sentConnection, var sentId])
        {
            (connection, externalId) = (sentConnection, sentId);
        }
        var found = await cases.FindAsync(connection, externalId, cancellationToken);
        return found.Outcome switch
        {
            CaseLookupOutcome.NoSuchCase => Problem.Status(StatusCodes.Status404NotFound, "No such case", $"Connection '{found.Connection}' has no case '{externalId}'."),
            CaseLookupOutcome.PolicyNotLoaded => Problem.Status(StatusCodes.Status409Conflict, "Policy not loaded",
                $"The case is covered by policy '{found.PolicyId}', which is not loaded; deploy it again to judge the case."),
            _ => Results.Json(found.View, MonitoringJsonContext.Default.CaseView),
        };
    }

    // Open cases by state, a page at a time: ?state=breached|atRisk|open&policy=lumenvox&pageSize=50&continuation=...
    private static async Task<IResult> ListCases(
        HttpRequest request, CaseQueries cases, CancellationToken cancellationToken,
        string? state = null, string? policy = null, string? pageSize = null, string? continuation = null)
    {
        switch (CasePath.Segments(request))
        {
            // A case's URL whose encoded dot segments the server removed before routing (/api/cases/zd/%2E%2E).
            case [var connection, var externalId]:
                return await GetCase(connection, externalId, request, cases, cancellationToken);
            case [_, ..]:
                return Problem.Status(StatusCodes.Status404NotFound, "Not found",
                    "The path is neither the case list nor a case; use /api/cases/<connection>/<id>, each part percent-encoded once.");
        }
        var errors = new List<ProblemError>();
        var list = await cases.ListAsync(state, policy, pageSize, continuation, errors, cancellationToken);
        return list is null ? Problem.BadRequest("The listing request is invalid", errors) : Results.Json(list, MonitoringJsonContext.Default.CaseList);
    }
}
