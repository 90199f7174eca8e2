using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SlaFunctions.Endpoints;

/// <summary>GitHub's default webhook content type, <c>application/x-www-form-urlencoded</c>: the JSON body arrives
/// as the form field <c>payload</c>. The signature covers the form as sent, so it is checked before this unwraps it.</summary>
public static class FormPayload
{
    /// <summary>The form media type.</summary>
    public const string MediaType = "application/x-www-form-urlencoded";

    /// <summary>The field that holds the JSON.</summary>
    public const string Field = "payload";

    /// <summary>True for a form content type, parameters ignored.</summary>
    public static bool Matches(string? contentType) =>
        contentType?.Split(';')[0].Trim().Equals(MediaType, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The JSON in <paramref name="form"/>'s <see cref="Field"/>, as UTF-8; null when there is none.</summary>
    public static byte[]? Read(ReadOnlyMemory<byte> form)
    {
        // A form body is ASCII (everything else percent-encoded); the reader decodes '+' and %XX as UTF-8.
        using var reader = new FormReader(Encoding.UTF8.GetString(form.Span));
        var fields = reader.ReadForm();
        return fields.TryGetValue(Field, out var payload) && !string.IsNullOrWhiteSpace(payload.ToString())
            ? Encoding.UTF8.GetBytes(payload.ToString())
            : null;
    }
}
