using SlaFunctions.Endpoints;
using SlaFunctions.Monitoring.Problems;

namespace SlaFunctions.Problems;

/// <summary>Builds problem+json results. Bad input always gets a 4xx with a detail that says what to fix.</summary>
public static class Problem
{
    /// <summary>The media type of every error body.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>400 with one entry per bad field; the detail lists them all.</summary>
    public static IResult BadRequest(string title, IReadOnlyList<ProblemError> errors) => Result(new ProblemDocument
    {
        Type = "https://slafunctions.dev/problems/validation",
        Title = title,
        Status = StatusCodes.Status400BadRequest,
        Detail = string.Join(" ", errors.Select(e => e.ToString())),
        Errors = errors,
    });

    /// <summary>A problem with <paramref name="status"/> and no field list.</summary>
    public static IResult Status(int status, string title, string detail) => Result(new ProblemDocument
    {
        Title = title,
        Status = status,
        Detail = detail,
    });

    /// <summary>Writes <paramref name="problem"/> with its status and media type.</summary>
    public static IResult Result(ProblemDocument problem) =>
        Results.Json(problem, EndpointJsonContext.Default.ProblemDocument, ContentType, problem.Status);
}
