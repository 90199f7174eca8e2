namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The headers the Functions host puts on every request to the handler (invocations and proxied HTTP).</summary>
public static class HostHeaders
{
    public static void AddTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.300.25317");
        request.Headers.TryAddWithoutValidation("User-Agent", "Azure-Functions-Host/4.1040.300.25317");
        request.Headers.Add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }
}
