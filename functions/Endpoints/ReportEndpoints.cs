using SlaFunctions.Monitoring;
using SlaFunctions.Monitoring.Problems;
using SlaFunctions.Monitoring.Reports;
using SlaFunctions.Monitoring.WhatIf;
using SlaFunctions.Problems;

namespace SlaFunctions.Endpoints;

/// <summary><c>GET /api/reports/compliance</c>: met and breached targets and times, for cases opened in a window; and
/// <c>POST /api/policies/what-if</c>: the same cases replayed under a draft policy.</summary>
public static class ReportEndpoints
{
    /// <summary>Maps the report routes.</summary>
    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.KeyedApi().MapGet("/api/reports/compliance", Compliance).WithName("ComplianceReport");
        app.KeyedApi().MapPost("/api/policies/what-if", WhatIf).WithName("PolicyWhatIf");
        return app;
    }

    // ?from=&to=&policy=&groupBy=severity|customer|target&format=json|csv (or Accept: text/csv)
    private static async Task<IResult> Compliance(
        HttpRequest request, ComplianceReports reports, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? policy = null, string? groupBy = null, string? format = null)
    {
        var errors = new List<ProblemError>();
        var query = reports.Read(from, to, policy, groupBy, errors);
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
        if (query is null || errors.Count > 0)
        {
            return Problem.BadRequest("The report request is invalid", errors);
        }
        var report = await reports.BuildAsync(query, cancellationToken);
        if (csv == true)
        {
            var name = $"compliance-{report.From[..10]}-{report.To[..10]}.csv";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ComplianceCsv.Write(report)), "text/csv; charset=utf-8", name);
        }
        return Results.Json(report, MonitoringJsonContext.Default.ComplianceReport);
    }

    // { "policy": {...} or "YAML text", "from": "...", "to": "..." }
    private static async Task<IResult> WhatIf(HttpRequest request, WhatIfReplay replay, CancellationToken cancellationToken)
    {
        var (body, refusal) = await RequestBody.ReadObjectAsync(request, PreviewEndpoints.MaxBodyBytes, "policy, from and to", cancellationToken);
        if (body is null)
        {
            return refusal!;
        }
        var errors = new List<ProblemError>();
        var report = replay.Read(body, errors) is { } query ? await replay.RunAsync(query, errors, cancellationToken) : null;
        return report is null
            ? Problem.BadRequest("The what-if request is invalid", errors)
            : Results.Json(report, MonitoringJsonContext.Default.WhatIfReport);
    }
}
