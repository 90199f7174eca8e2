using NodaTime;
using SlaFunctions.Hosting;
using SlaFunctions.Monitoring;
using SlaFunctions.Notices;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Problems;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Storage.Notices;

namespace SlaFunctions.Endpoints;

/// <summary>The poison list: <c>GET /api/notices/poison</c> shows the notices set aside, and
/// <c>POST /api/notices/poison/{id}/replay</c> sends one again.</summary>
public static class NoticeEndpoints
{
    /// <summary>Maps the notice routes.</summary>
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notices/poison", ListPoison).WithName("ListPoisonNotices");
        app.MapPost("/api/notices/poison/{id}/replay", Replay).WithName("ReplayPoisonNotice");
        return app;
    }

    private static async Task<IResult> ListPoison(HttpRequest request, ApiKeyCheck keys, CaseTables tables, CancellationToken cancellationToken)
    {
        if (keys.Refuse(request) is { } refused)
        {
            return refused;
        }
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            var list = await tables.Poison.ListAsync(cancellationToken);
            return Results.Json(new PoisonList
            {
                Notices = [.. list.OrderBy(p => p.At).Select(p => new PoisonListEntry
                {
                    Id = p.Id,
                    NoticeId = p.NoticeId,
                    Recipient = p.Recipient,
                    Reason = p.Reason,
                    At = InstantText.Format(p.At),
                    Body = p.Body,
                })],
            }, MonitoringJsonContext.Default.PoisonList);
        }
        catch (StorageUnavailableException)
        {
            return CaseEndpoints.Unavailable();
        }
    }

    // Puts the notice back in the outbox, ready now, and lets its recipient be claimed again; the next sweep queues it.
    private static async Task<IResult> Replay(string id, HttpRequest request, ApiKeyCheck keys, CaseTables tables, IClock clock, CancellationToken cancellationToken)
    {
        if (keys.Refuse(request) is { } refused)
        {
            return refused;
        }
        try
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            if (await tables.Poison.GetAsync(id, cancellationToken) is not { } poison)
            {
                return Problem.Status(StatusCodes.Status404NotFound, "No such poison notice", $"The poison list has no entry '{id}'; GET /api/notices/poison lists them.");
            }
            Notice notice;
            try
            {
                notice = NoticeJson.Read(poison.Body);
            }
            catch (NoticeFormatException ex)
            {
                return Problem.Status(StatusCodes.Status409Conflict, "Not a notice", $"Entry '{id}' cannot be replayed: {ex.Message} Remove the cause and send the ticket event again.");
            }
            if (poison.Recipient is { } recipient)
            {
                var pointKey = notice.PointKey;
                await tables.Deliveries.ReleaseAsync(new CaseKey(notice.Case.Connection, notice.Case.ExternalId), pointKey, recipient, cancellationToken);
            }
            await tables.Outbox.PutAsync(notice.Id, poison.Body, clock.GetCurrentInstant(), cancellationToken);
            await tables.Poison.RemoveAsync(id, cancellationToken);
            return Results.Json(new PoisonReplay { Id = id, NoticeId = notice.Id }, MonitoringJsonContext.Default.PoisonReplay, statusCode: StatusCodes.Status202Accepted);
        }
        catch (StorageUnavailableException)
        {
            return CaseEndpoints.Unavailable();
        }
    }
}
