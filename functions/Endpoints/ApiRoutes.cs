using SlaFunctions.Hosting;
using SlaFunctions.Problems;
using SlaFunctions.Storage;

namespace SlaFunctions.Endpoints;

/// <summary>The scaffold every API route hangs from, so what the routes share is written once: the read API checks
/// its key before anything else (<see cref="ApiKeyCheck"/>), and a storage failure that escapes a handler becomes 503
/// with Retry-After (the stores write nothing half-way, so a retry is safe).</summary>
public static class ApiRoutes
{
    /// <summary>Routes anyone may call: the preview and the policies show contracts, not cases.</summary>
    public static RouteGroupBuilder PublicApi(this IEndpointRouteBuilder app) => app.MapGroup("").WithStorageFailures();

    /// <summary>The read API (cases, board, reports, notices, deliveries): a request needs a key standalone; behind the
    /// Functions host, the host's function key.</summary>
    public static RouteGroupBuilder KeyedApi(this IEndpointRouteBuilder app) =>
        app.MapGroup("").AddEndpointFilter(static async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<ApiKeyCheck>().Refuse(context.HttpContext.Request) ?? await next(context)).WithStorageFailures();

    /// <summary>Answers <see cref="StorageUnavailableException"/> from the handlers under <paramref name="builder"/>
    /// with <see cref="Unavailable"/>; filters added after this one run inside it.</summary>
    public static TBuilder WithStorageFailures<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(static async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (StorageUnavailableException)
            {
                return Unavailable();
            }
        });

    /// <summary>503 with Retry-After: storage failed after retries, and nothing was half-written.</summary>
    public static IResult Unavailable() => new RetryAfterResult(Problem.Status(StatusCodes.Status503ServiceUnavailable,
        "Storage unavailable", "Table Storage did not answer; nothing was written. Retry shortly."), RetryAfterResult.StorageSeconds);
}
