namespace SlaFunctions.Problems;

/// <summary>A result with a <c>Retry-After</c> header: come back in so many seconds.</summary>
public sealed class RetryAfterResult(IResult inner, int seconds) : IResult, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => (inner as IStatusCodeHttpResult)?.StatusCode;

    /// <summary>How long to wait after storage failed.</summary>
    public const int StorageSeconds = 30;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return inner.ExecuteAsync(httpContext);
    }
}
