using System.Security.Cryptography;
using System.Text;
using SlaFunctions.Problems;

namespace SlaFunctions.Hosting;

/// <summary>Guards the read API: a configured key in <c>x-api-key</c> standalone; under the Functions host (which
/// has already checked the function key, <c>authLevel: function</c>) every request passes.</summary>
public sealed class ApiKeyCheck
{
    private readonly byte[][] _keys;
    private readonly bool _behindFunctionsHost;

    /// <summary>Checks against <paramref name="options"/>' keys.</summary>
    public ApiKeyCheck(ApiOptions options, bool behindFunctionsHost)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = [.. options.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Encoding.UTF8.GetBytes)];
        _behindFunctionsHost = behindFunctionsHost;
    }

    /// <summary>Null when <paramref name="request"/> may read; else the 401 to answer.</summary>
    public IResult? Refuse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_behindFunctionsHost)
        {
            return null;
        }
        if (_keys.Length == 0)
        {
            return Problem.Status(StatusCodes.Status401Unauthorized, "No API key configured", "Set Api:Keys:0 (environment Api__Keys__0) to read cases.");
        }
        var given = Encoding.UTF8.GetBytes(request.Headers["x-api-key"].ToString());
        // Compare against every key in constant time, so timing tells nothing about which, or how much, matched.
        var match = false;
        foreach (var key in _keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(given, key);
        }
        return match ? null : Problem.Status(StatusCodes.Status401Unauthorized, "API key required", "Send a configured key in the x-api-key header.");
    }
}
