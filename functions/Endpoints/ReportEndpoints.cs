using System.Collections.Concurrent;
using NodaTime;
using SlaFunctions.Hosting;
using SlaFunctions.Json;
using SlaFunctions.Policies;
using SlaFunctions.Preview;
using SlaFunctions.Problems;
using SlaFunctions.Reports;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/reports/compliance</c>: met and breached targets and times, for cases opened in a window.</summary>
public static class ReportEndpoints
{
    // Case histories are read this many at a time.
    private const int Readers = 8;

    /// <summary>Maps the report routes.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/compliance", Compliance).WithName("ComplianceReport");
        return app;
    }

    // ?from=&to=&policy=&groupBy=severity|customer|target&format=json|csv (or Accept: text/csv)
    private static async Task<IResult> Compliance(
        HttpRequest request, ApiKeyCheck keys, CaseTables tables, PolicyCatalog policies, WebhookOptions webhooks, IClock clock, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? policy = null, string? groupBy = null, string? format = null)
    {
        if (keys.Refuse(request) is { } refused)
        {
            return refused;
        }
        var now = clock.GetCurrentInstant();
        var errors = new List<ProblemError>();
        var monthStart = now.InUtc().Date.With(NodaTime.DateAdjusters.StartOfMonth).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var start = Instant(from, "from", monthStart, errors);
        var end = Instant(to, "to", monthStart.InUtc().Date.PlusMonths(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), errors);
        if (errors.Count == 0 && end <= start)
        {
            errors.Add(new("to", "must be after 'from'; the window is [from, to)."));
        }
        ComplianceGrouping? grouping = groupBy switch
        {
            null or "target" => ComplianceGrouping.Target,
            "severity" => ComplianceGrouping.Severity,
            "customer" => ComplianceGrouping.Customer,
            _ => null,
        };
        if (grouping is null)
        {
            errors.Add(new("groupBy", $"'{groupBy}' is not a grouping; use severity, customer or target."));
        }
        if (policy is not null && !policies.TryGet(policy, out _))
        {
            errors.Add(new("policy", $"'{policy}' is not a loaded policy ({string.Join(", ", policies.Ids)})."));
        }
        var csv = format switch
        {
            "csv" => true,
            null => request.Headers.Accept.ToString().Contains("text/csv", StringComparison.OrdinalIgnoreCase),
            "json" => false,
            _ => (bool?)null,
        };
        if (csv is null)
        {
            errors.Add(new("format", $"'{format}' is not a format; use json or csv."));
        }
        if (errors.Count > 0)
        {
            return Problem.BadRequest("The report request is invalid", errors);
        }

        ComplianceReport report;
        try
        {
            var store = await tables.EnsureCreatedAsync(cancellationToken);
            var rows = await store.ReadCasesOpenedAsync(start, end, policy, cancellationToken);
            var counted = new ConcurrentBag<ComplianceCase>();
            var judged = rows.Where(r => policies.TryGet(r.PolicyId, out _)).ToList();
            await Parallel.ForEachAsync(judged, new ParallelOptions { MaxDegreeOfParallelism = Readers, CancellationToken = cancellationToken }, async (row, token) =>
            {
                if (await store.GetAsync(row.Key, token) is { } record && policies.TryGet(record.Snapshot.PolicyId, out var covering))
                {
                    counted.Add(new ComplianceCase(covering, record, webhooks.CustomerOf(row.Key.Connection)));
                }
            });
            report = new ComplianceReport
            {
                From = InstantText.Format(start),
                To = InstantText.Format(end),
                AsOf = InstantText.Format(now),
                Policy = policy,
                GroupBy = PreviewWords.CamelCase(grouping!.Value.ToString()),
                Cases = counted.Count,
                Skipped = rows.Count - judged.Count,
                Rows = ComplianceCalculator.Rows(counted, grouping.Value, now),
                Teams = ComplianceTeams.Rows(counted, now),
            };
        }
        catch (StorageUnavailableException)
        {
            return CaseEndpoints.Unavailable();
        }
        if (csv == true)
        {
            var name = $"compliance-{report.From[..10]}-{report.To[..10]}.csv";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ComplianceCsv.Write(report)), "text/csv; charset=utf-8", name);
        }
        return Results.Json(report, SlaJsonContext.Default.ComplianceReport);
    }

    private static Instant Instant(string? text, string name, Instant fallback, List<ProblemError> errors)
    {
        if (text is null)
        {
            return fallback;
        }
        if (InstantText.TryParse(text, out var at, out var error))
        {
            return at;
        }
        errors.Add(new(name, error));
        return fallback;
    }
}
