using NodaTime;
using SlaFunctions.Cases;
using SlaFunctions.Hosting;
using SlaFunctions.Json;
using SlaFunctions.Policies;
using SlaFunctions.Preview;
using SlaFunctions.Problems;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/cases/{connection}/{externalId}</c>: a case's SLA state, judged now.</summary>
public static class CaseEndpoints
{
    /// <summary>Maps the case routes.</summary>
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{connection}/{externalId}", GetCase).WithName("GetCase");
        app.MapGet("/api/cases", ListCases).WithName("ListCases");
        return app;
    }

    private static async Task<IResult> GetCase(
        string connection, string externalId, HttpRequest request, ApiKeyCheck keys, WebhookOptions webhooks, CaseTables tables, PolicyCatalog policies, IClock clock,
        CancellationToken cancellationToken)
    {
        if (keys.Refuse(request) is { } refused)
        {
            return refused;
        }
        if (CasePath.Segments(request) is [var sentConnection, var sentId])
        {
            (connection, externalId) = (sentConnection, sentId);
        }
        // Cases keep the connection's name as configured, whatever the letter case of the URL.
        connection = webhooks.TryFind(connection, out var configured) ? configured.Name : connection;
        CaseRecord? record;
        IReadOnlyList<NoticeDelivery> notices;
        try
        {
            var store = await tables.EnsureCreatedAsync(cancellationToken);
            var key = new CaseKey(connection, externalId);
            record = await store.GetAsync(key, cancellationToken);
            notices = record is null ? [] : await tables.Deliveries.OfCaseAsync(key, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            return Unavailable();
        }
        if (record is null)
        {
            return Problem.Status(StatusCodes.Status404NotFound, "No such case", $"Connection '{connection}' has no case '{externalId}'.");
        }
        if (!policies.TryGet(record.Snapshot.PolicyId, out var policy))
        {
            return Problem.Status(StatusCodes.Status409Conflict, "Policy not loaded",
                $"The case is covered by policy '{record.Snapshot.PolicyId}', which is not loaded; deploy it again to judge the case.");
        }
        var now = clock.GetCurrentInstant();
        var evaluation = CaseEvaluation.Evaluate(policy, record.Snapshot.OpenedAt, record.Snapshot.OpenedSeverity, record.History, now);
        var snapshot = record.Snapshot;
        return Results.Json(new CaseView
        {
            Connection = snapshot.Key.Connection,
            ExternalId = snapshot.Key.ExternalId,
            PolicyId = policy.Id,
            Severity = evaluation.State.Severity.Id,
            Status = snapshot.Status,
            Unmapped = snapshot.Unmapped,
            Title = snapshot.Title,
            Url = snapshot.Url,
            Assignee = snapshot.Assignee,
            OpenedAt = InstantText.Format(snapshot.OpenedAt),
            AsOf = InstantText.Format(now),
            Targets = evaluation.Targets,
            History = [.. record.History.OrderBy(h => h.Event.At).Select(h => new CaseViewEvent
            {
                At = InstantText.Format(h.Event.At),
                Type = PreviewWords.CamelCase(h.Event.Type.ToString()),
                Status = h.Event.Status is { } status ? PreviewWords.Status(status) : null,
                Severity = h.Event.Severity,
                Group = h.Event.Group,
                Note = h.Note,
            })],
            Notices = [.. notices.OrderBy(n => n.At).ThenBy(n => n.Recipient, StringComparer.Ordinal).Select(n => new CaseViewNotice
            {
                Key = n.PointKey,
                Kind = n.Kind,
                Target = n.Target,
                At = n.At is { } at ? InstantText.Format(at) : null,
                Recipient = n.Recipient,
                State = PreviewWords.CamelCase(n.State.ToString()),
                SentAt = n.SentAt is { } sent ? InstantText.Format(sent) : null,
                NextTryAt = n.NextTryAt is { } next ? InstantText.Format(next) : null,
                Attempts = n.Attempts,
            })],
        }, SlaJsonContext.Default.CaseView);
    }

    // Open cases by state, a page at a time: ?state=breached|atRisk|open&policy=lumenvox&pageSize=50&continuation=...
    private static async Task<IResult> ListCases(
        HttpRequest request, ApiKeyCheck keys, WebhookOptions webhooks, CaseTables tables, PolicyCatalog policies, IClock clock, CancellationToken cancellationToken,
        string? state = null, string? policy = null, string? pageSize = null, string? continuation = null)
    {
        if (keys.Refuse(request) is { } refused)
        {
            return refused;
        }
        switch (CasePath.Segments(request))
        {
            // A case's URL whose encoded dot segments the server removed before routing (/api/cases/zd/%2E%2E).
            case [var connection, var externalId]:
                return await GetCase(connection, externalId, request, keys, webhooks, tables, policies, clock, cancellationToken);
            case [_, ..]:
                return Problem.Status(StatusCodes.Status404NotFound, "Not found",
                    "The path is neither the case list nor a case; use /api/cases/<connection>/<id>, each part percent-encoded once.");
        }
        var errors = new List<ProblemError>();
        CaseListState? wanted = state switch
        {
            null or "open" => CaseListState.Open,
            "breached" => CaseListState.Breached,
            "atRisk" => CaseListState.AtRisk,
            _ => null,
        };
        if (wanted is null)
        {
            errors.Add(new("state", $"'{state}' is not a state; use open, breached or atRisk."));
        }
        if (policy is not null && !policies.TryGet(policy, out _))
        {
            errors.Add(new("policy", $"'{policy}' is not a loaded policy ({string.Join(", ", policies.Ids)})."));
        }
        // Read here, not bound: a bound int answers "abc" with a bare 400 that names nothing.
        var size = 100;
        if (pageSize is not null && (!int.TryParse(pageSize, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > 1000))
        {
            errors.Add(new("pageSize", $"'{pageSize}' is not a page size; use a whole number from 1 to 1000."));
        }
        var storageToken = "";
        if (continuation is not null && !CaseListToken.TryDecode(continuation, out storageToken))
        {
            errors.Add(new("continuation", "is not a token this API gave; pass the previous page's continuation unchanged, or leave it out for the first page."));
        }
        if (errors.Count > 0)
        {
            return Problem.BadRequest("The listing request is invalid", errors);
        }
        try
        {
            var store = await tables.EnsureCreatedAsync(cancellationToken);
            var now = clock.GetCurrentInstant();
            var page = await store.ListAsync(wanted!.Value, policy, now, continuation is null ? null : storageToken, size, cancellationToken);
            return Results.Json(new CaseList
            {
                Items = [.. page.Cases.Select(c => new CaseSummary
                {
                    Connection = c.Key.Connection,
                    ExternalId = c.Key.ExternalId,
                    PolicyId = c.PolicyId,
                    Severity = c.Severity,
                    Status = c.Status,
                    Title = c.Title,
                    Url = c.Url,
                    Assignee = c.Assignee,
                    NextDueAt = InstantText.Format(c.NextDueAt),
                    Breached = c.Breached || c.NextDueAt < now,
                })],
                Continuation = CaseListToken.Encode(page.Continuation),
            }, SlaJsonContext.Default.CaseList);
        }
        catch (StorageUnavailableException)
        {
            return Unavailable();
        }
    }

    /// <summary>503 with Retry-After: storage failed after retries, and nothing was half-written.</summary>
    public static IResult Unavailable() => new RetryAfterResult(Problem.Status(StatusCodes.Status503ServiceUnavailable,
        "Storage unavailable", "Table Storage did not answer; nothing was written. Retry shortly."), RetryAfterResult.StorageSeconds);
}
