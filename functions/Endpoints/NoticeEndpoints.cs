using SlaFunctions.Monitoring;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Problems;

namespace SlaFunctions.Endpoints;

/// <summary>The poison list: <c>GET /api/notices/poison</c> shows the notices set aside, and
/// <c>POST /api/notices/poison/{id}/replay</c> sends one again.</summary>
public static class NoticeEndpoints
{
    /// <summary>Maps the notice routes.</summary>
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.KeyedApi();
        api.MapGet("/api/notices/poison", ListPoison).WithName("ListPoisonNotices");
        api.MapPost("/api/notices/poison/{id}/replay", Replay).WithName("ReplayPoisonNotice");
        return app;
    }

    private static async Task<IResult> ListPoison(SetAsideNotices notices, CancellationToken cancellationToken) =>
        Results.Json(await notices.ListAsync(cancellationToken), MonitoringJsonContext.Default.PoisonList);

    private static async Task<IResult> Replay(string id, SetAsideNotices notices, CancellationToken cancellationToken)
    {
        var (outcome, replay, problem) = await notices.ReplayAsync(id, cancellationToken);
        return outcome switch
        {
            PoisonReplayOutcome.NoSuchEntry => Problem.Status(StatusCodes.Status404NotFound, "No such poison notice",
                $"The poison list has no entry '{id}'; GET /api/notices/poison lists them."),
            PoisonReplayOutcome.NotANotice => Problem.Status(StatusCodes.Status409Conflict, "Not a notice",
                $"Entry '{id}' cannot be replayed: {problem} Remove the cause and send the ticket event again."),
            _ => Results.Json(replay, MonitoringJsonContext.Default.PoisonReplay, statusCode: StatusCodes.Status202Accepted),
        };
    }
}
