using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>Reads a JSON string that is not valid Unicode, which <see cref="JsonElement.GetString"/> refuses with an
/// exception: a lone surrogate escape (<c>\ud800</c>), or bytes that are not UTF-8. Each invalid piece becomes U+FFFD
/// (the replacement character) and the rest is kept.</summary>
internal static class LenientJsonString
{
    /// <summary>The replacement character.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>The text of the JSON string <paramref name="element"/>, with U+FFFD for each invalid piece.</summary>
    public static string Read(JsonElement element)
    {
        // The raw value includes its quotes; the decoder turns invalid UTF-8 into U+FFFD. The parser already checked
        // the escapes' syntax, so each backslash starts a valid escape.
        var raw = Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8Value(element));
        var units = new StringBuilder(raw.Length);
        for (var i = 1; i < raw.Length - 1; i++)
        {
            if (raw[i] != '\\')
            {
                units.Append(raw[i]);
                continue;
            }
            var escape = raw[++i];
            if (escape == 'u')
            {
                units.Append((char)int.Parse(raw.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                i += 4;
                continue;
            }
            units.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
        }
        return WithoutLoneSurrogates(units);
    }

    private static string WithoutLoneSurrogates(StringBuilder units)
    {
        var text = new StringBuilder(units.Length);
        for (var i = 0; i < units.Length; i++)
        {
            if (char.IsHighSurrogate(units[i]) && i + 1 < units.Length && char.IsLowSurrogate(units[i + 1]))
            {
                text.Append(units[i]).Append(units[++i]);
            }
            else
            {
                text.Append(char.IsSurrogate(units[i]) ? Replacement : units[i]);
            }
        }
        return text.ToString();
    }
}
