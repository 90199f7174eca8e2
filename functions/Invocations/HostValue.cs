using System.Globalization;
using System.Text.Json;

namespace SlaFunctions.Invocations;

/// <summary>Reads the host's trigger and metadata values. The host runs scalars through
/// <c>JsonConvert.SerializeObject</c> before putting them in the envelope, so a string message body arrives as a JSON
/// string holding a JSON string literal (<c>"\"{\\\"id\\\":…}\""</c>) and <c>DeliveryCount</c> as the string
/// <c>"1"</c>. Each reader also takes the plain form, in case a host version stops double-encoding.</summary>
internal static class HostValue
{
    /// <summary>The text a value carries: a string unwrapped once more if it holds a whole JSON string literal, an
    /// object or array as its JSON; null for JSON null.</summary>
    /// <remarks>Only a whole literal is unwrapped, so a notice (a JSON object) is never mistaken for one.</remarks>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Unwrap(value.GetString()!),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };

    /// <summary>The whole number a value carries (a JSON number, or a string of digits, encoded once or twice); null
    /// when it carries none.</summary>
    public static int? Int32(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt32(out var number) ? number : null;
        }
        return Text(value) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    private static string Unwrap(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return text;
        }
        try
        {
            return JsonSerializer.Deserialize(text, InvocationJsonContext.Default.String) ?? text;
        }
        catch (JsonException)
        {
            // Quoted at both ends but not a JSON literal (e.g. "a"b"): the text is the value itself.
            return text;
        }
    }
}
