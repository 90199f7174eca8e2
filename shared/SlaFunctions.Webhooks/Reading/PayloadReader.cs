using System.Text.Json;
using NodaTime;

namespace SlaFunctions.Webhooks.Reading;

/// <summary>Reads fields from one JSON object of a delivery and records a problem, with its path, for each field that is
/// missing or of the wrong kind. Every field is read by hand, so no reflection serialiser (and no date parsing by
/// System.Text.Json) is involved.</summary>
internal sealed class PayloadReader
{
    private readonly List<WebhookProblem> _problems;

    private PayloadReader(JsonElement element, string path, List<WebhookProblem> problems)
    {
        Element = element;
        Path = path;
        _problems = problems;
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
            var result = parse(new PayloadReader(document.RootElement, "", problems));
            return problems.Count > 0 ? WebhookParseResult.Rejected(problems)
                : result ?? throw new InvalidOperationException("The adapter stopped without recording a problem.");
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
                return new PayloadReader(found, PathOf(name), _problems);
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
                items.Add(new PayloadReader(item, path, _problems));
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
        var text = found is null ? null : found.Value.ValueKind == JsonValueKind.String ? found.Value.GetString() : found.Value.GetRawText();
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (text is null && required)
        {
            Problem(name, "is required.");
        }
        return text;
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
