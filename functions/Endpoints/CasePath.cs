using Microsoft.AspNetCore.Http.Features;

namespace SlaFunctions.Endpoints;

/// <summary>A case's connection and ticket id read from the request line as the client wrote it, each path segment
/// percent-decoded exactly once, so any id round-trips through <c>encodeURIComponent</c>.</summary>
/// <remarks>Route values cannot do this: Kestrel leaves <c>%2F</c> encoded (so <c>owner%2Frepo%231</c> arrives as
/// <c>owner%2Frepo#1</c>, and a literal <c>%2F</c> in an id cannot be told from it) and removes dot segments after
/// decoding (so <c>/api/cases/zd/%2E%2E</c> becomes <c>/api/cases/</c>, the listing).</remarks>
public static class CasePath
{
    /// <summary>The path every case URL starts with.</summary>
    public const string Prefix = "/api/cases";

    /// <summary>The decoded segments after <see cref="Prefix"/> in the request line as sent (none for the listing), or
    /// null when the request line is not available or is not under <see cref="Prefix"/>.</summary>
    public static IReadOnlyList<string>? Segments(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return null;
        }
        var end = raw.IndexOf('?', StringComparison.Ordinal);
        var path = end < 0 ? raw : raw[..end];
        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || path.Length > Prefix.Length && path[Prefix.Length] != '/')
        {
            return null;
        }
        var rest = path[Prefix.Length..].Trim('/');
        return rest.Length == 0 ? [] : [.. rest.Split('/').Select(Uri.UnescapeDataString)];
    }
}
