namespace SlaFunctions.Endpoints;

/// <summary>Whether a request says its body is JSON: <c>application/json</c> or any <c>+json</c> type (such as
/// <c>application/cloudevents+json</c>), parameters ignored.</summary>
public static class JsonMediaType
{
    /// <summary>True for a JSON content type.</summary>
    public static bool Matches(string? contentType)
    {
        var media = contentType?.Split(';')[0].Trim();
        return media is not null
            && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }
}
