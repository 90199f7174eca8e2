using SlaFunctions.Hosting;

namespace SlaFunctions.Invocations;

/// <summary>The custom handler protocol, mapped only behind the Functions host: the readiness ping on <c>GET /</c>
/// and <c>POST /{functionName}</c> for each non-HTTP function. HTTP functions need nothing here: the host proxies
/// their requests (<c>enableProxyingHttpRequest</c>) to the app's own <c>/api/...</c> routes.</summary>
public static class InvocationEndpoints
{
    /// <summary>Maps the protocol's routes when <see cref="FunctionsHost.IsPresent"/>.</summary>
    public static IEndpointRouteBuilder MapInvocationEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!FunctionsHost.IsPresent(app.ServiceProvider.GetRequiredService<IConfiguration>()))
        {
            return app;
        }
        // The host polls this until it answers, then keeps pinging it for worker status: it must stay cheap.
        app.MapGet("/", () => Results.Ok()).WithName("HostReadiness");
        app.MapPost("/" + SweepInvocation.FunctionName, SweepInvocation.RunAsync).WithName("SweepInvocation");
        app.MapPost("/" + SliceInvocation.FunctionName, SliceInvocation.RunAsync).WithName("SliceInvocation");
        app.MapPost("/" + SenderInvocation.FunctionName, SenderInvocation.RunAsync).WithName("SenderInvocation");
        app.MapPost("/" + DeadLetterInvocation.FunctionName, DeadLetterInvocation.RunAsync).WithName("DeadLetterInvocation");
        return app;
    }
}
