using System.Text.Json;
using NodaTime;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>Reads fields from one JSON object of a delivery and records a problem, with its path, for each field that is
/// missing or of the wrong kind. Every field is read by hand, so no reflection serialiser (and no date parsing by
/// System.Text.Json) is involved.</summary>
internal sealed class PayloadReader
{
    /// <summary>The most characters a ticket id may have. Every tool's ids are far shorter (GitHub's longest
    /// <c>owner/repo#number</c> is 151), and with room for escaping the case's table keys stay within their limit.</summary>
    public const int MaxIdLength = 160;

    private readonly List<WebhookProblem> _problems;

    // Fields whose text was not valid Unicode and was read with U+FFFD in place of each invalid piece.
    private readonly List<WebhookProblem> _repaired;

    private PayloadReader(JsonElement element, string path, List<WebhookProblem> problems, List<WebhookProblem> repaired)
    {
        Element = element;
        Path = path;
        _problems = problems;
        _repaired = repaired;
    }

    /// <summary>The object read.</summary>
    public JsonElement Element { get; }

    /// <summary>Its path from the body's root; empty for the root.</summary>
    public string Path { get; }

    /// <summary>True once any reader over the same body has recorded a problem.</summary>
    public bool HasProblems => _problems.Count > 0;

    /// <summary>Parses the body as one JSON object and hands it to <paramref name="parse"/>. A body that is not JSON, or
    /// any problem recorded while parsing, rejects the delivery, whatever <paramref name="parse"/> returned; it returns
    /// null when it stopped early because of a problem it recorded.</summary>
    public static WebhookParseResult Read(ReadOnlyMemory<byte> body, Func<PayloadReader, WebhookParseResult?> parse)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            // The message names the line and byte, which is what the sender needs to find a truncated or broken body.
            return WebhookParseResult.Rejected([new WebhookProblem("", $"The body is not valid JSON ({ex.Message}); send the tool's JSON body unchanged.")]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return WebhookParseResult.Rejected([new WebhookProblem("", $"The body is a JSON {Kind(document.RootElement)}; send one JSON object.")]);
            }
            var problems = new List<WebhookProblem>();
            var repaired = new List<WebhookProblem>();
            var result = parse(new PayloadReader(document.RootElement, "", problems, repaired));
            if (problems.Count > 0)
            {
                return WebhookParseResult.Rejected(problems);
            }
            return result switch
            {
                null => throw new InvalidOperationException("The adapter stopped without recording a problem."),
                { Update: { } update } when repaired.Count > 0 => WebhookParseResult.Accepted(
                    update with { Notes = [.. update.Notes, .. repaired.Select(r => $"{r.Path} {r.Message}")] }),
                _ => result,
            };
        }
    }

    /// <summary>The path of <paramref name="name"/> below this object.</summary>
    public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    /// <summary>Records a problem at <paramref name="name"/> below this object.</summary>
    public void Problem(string name, string message) => _problems.Add(new WebhookProblem(PathOf(name), message));

    /// <summary>The value at the dotted path <paramref name="name"/>; null when a step is missing or JSON null.</summary>
    public JsonElement? Find(string name)
    {
        var current = Element;
        foreach (var step in name.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(step, out current))
            {
                return null;
            }
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    /// <summary>True when <paramref name="name"/> is present and not null.</summary>
    public bool Has(string name) => Find(name) is not null;

    /// <summary>The object at <paramref name="name"/>, or null when absent. Records a problem when it is not an object,
    /// or when it is absent and <paramref name="required"/>.</summary>
    public PayloadReader? Object(string name, bool required = false)
    {
        switch (Find(name))
        {
            case { ValueKind: JsonValueKind.Object } found:
                return new PayloadReader(found, PathOf(name), _problems, _repaired);
            case { } other:
                Problem(name, $"is a JSON {Kind(other)}; an object is expected.");
                return null;
            default:
                if (required)
                {
                    Problem(name, "is required.");
                }
                return null;
        }
    }

    /// <summary>The objects in the array at <paramref name="name"/>; none when absent. Records a problem for anything
    /// that is not an array of objects.</summary>
    public IReadOnlyList<PayloadReader> Items(string name)
    {
        var found = Find(name);
        if (found is null)
        {
            return [];
        }
        if (found.Value.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"is a JSON {Kind(found.Value)}; an array is expected.");
            return [];
        }
        var items = new List<PayloadReader>();
        var index = 0;
        foreach (var item in found.Value.EnumerateArray())
        {
            var path = $"{PathOf(name)}[{index++}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(new PayloadReader(item, path, _problems, _repaired));
            }
            else
            {
                _problems.Add(new WebhookProblem(path, $"is a JSON {Kind(item)}; an object is expected."));
            }
        }
        return items;
    }

    /// <summary>The text at <paramref name="name"/>, trimmed, with a number given as written (ids arrive either way);
    /// null when absent, JSON null or blank. Records a problem for any other kind of value, or when it is null and
    /// <paramref name="required"/>.</summary>
    public string? String(string name, bool required = false)
    {
        var found = Find(name);
        if (found is { ValueKind: not (JsonValueKind.String or JsonValueKind.Number) })
        {
            Problem(name, $"is a JSON {Kind(found.Value)}; a string is expected.");
            return null;
        }
        var text = found is null ? null : found.Value.ValueKind == JsonValueKind.String ? Text(name, found.Value) : found.Value.GetRawText();
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text is null && required)
        {
            Problem(name, "is required.");
        }
        return text;
    }

    /// <summary>The ticket id at <paramref name="name"/>, which identifies the case and so must be exact: required, and
    /// refused (with a problem naming it) when it is not valid Unicode, holds a control character or is longer than
    /// <see cref="MaxIdLength"/>. Other fields are cosmetic and are kept, cleaned, with a note.</summary>
    public string? Id(string name)
    {
        var path = PathOf(name);
        var text = String(name, required: true);
        if (text is null)
        {
            return null;
        }
        if (_repaired.RemoveAll(r => r.Path == path) > 0 || text.Any(char.IsControl))
        {
            Problem(name, "is not valid Unicode text or holds a control character; a ticket id identifies the case, so it must arrive exactly as the tool writes it.");
            return null;
        }
        if (text.Length > MaxIdLength)
        {
            Problem(name, $"is {text.Length:N0} characters; a ticket id may have at most {MaxIdLength}.");
            return null;
        }
        return text;
    }

    // A string's text; one that is not valid Unicode is read with U+FFFD in place of each invalid piece, and noted.
    private string Text(string name, JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            _repaired.Add(new WebhookProblem(PathOf(name),
                $"was not valid Unicode text (a lone surrogate escape or bytes that are not UTF-8); it is kept with {LenientJsonString.Replacement} in place of each invalid piece."));
            return LenientJsonString.Read(value);
        }
    }

    /// <summary>The boolean at <paramref name="name"/>, also accepting the strings <c>true</c> and <c>false</c> that
    /// template placeholders render; null when absent. Records a problem for anything else.</summary>
    public bool? Bool(string name)
    {
        switch (Find(name))
        {
            case null:
                return null;
            case { ValueKind: JsonValueKind.True }:
                return true;
            case { ValueKind: JsonValueKind.False }:
                return false;
            case { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString()?.Trim(), out var value):
                return value;
            case { } other:
                Problem(name, $"is {other.GetRawText()}; true or false is expected.");
                return null;
        }
    }

    /// <summary>The time at <paramref name="name"/>, an ISO-8601 string with an offset (see <see cref="WebhookTime"/>);
    /// null when absent. Records a problem for a time without an offset or anything else unreadable, and when it is
    /// absent and <paramref name="required"/>.</summary>
    public Instant? Time(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }
        if (WebhookTime.TryParse(text, out var instant, out var error))
        {
            return instant;
        }
        Problem(name, $"{error}.");
        return null;
    }

    /// <summary>The time at <paramref name="name"/>, a count of milliseconds since 1970 (a JSON number or digits); null
    /// when absent. Records a problem for anything else, and when it is absent and <paramref name="required"/>.</summary>
    public Instant? UnixMilliseconds(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }
        if (WebhookTime.TryParseUnixMilliseconds(text, out var instant))
        {
            return instant;
        }
        Problem(name, $"'{text}' is not a count of milliseconds since 1970-01-01T00:00Z.");
        return null;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
