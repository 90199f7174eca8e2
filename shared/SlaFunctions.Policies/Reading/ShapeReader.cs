using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlaFunctions.Policies.Reading;

/// <summary>Reads typed values out of a JSON tree, recording a problem with its path for every value of the wrong
/// shape and every unknown key, and going on.</summary>
internal sealed class ShapeReader
{
    private readonly PolicyProblems _problems;

    public ShapeReader(PolicyProblems problems) => _problems = problems;

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>The node as an object, or null (and a problem) when it is something else.</summary>
    public JsonObject? Object(JsonNode? node, string path, bool required = false)
    {
        if (node is null)
        {
            if (required)
            {
                _problems.Add(path, "is required.");
            }
            return null;
        }
        if (node is JsonObject obj)
        {
            return obj;
        }
        _problems.Add(path, $"must be a map of keys to values, not {Describe(node)}.");
        return null;
    }

    /// <summary>Records that the value at <paramref name="path"/> should have been a list.</summary>
    public void NotAList(string path) => _problems.Add(path, "must be a list (YAML '- item' lines or [a, b]).");

    /// <summary>Records every key of <paramref name="obj"/> not in <paramref name="known"/>.</summary>
    public void OnlyKnown(JsonObject obj, string path, params string[] known)
    {
        foreach (var (key, _) in obj)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                var near = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                var hint = near is null ? $"allowed here: {string.Join(", ", known)}" : $"did you mean '{near}'?";
                _problems.Add(Child(path, key), $"is not a known field; {hint}.");
            }
        }
    }

    /// <summary>Text; a number or boolean is taken as its text (YAML users write <c>id: 1</c>).</summary>
    public string? Text(JsonObject obj, string key, string path, bool required = false)
    {
        var node = obj[key];
        var at = Child(path, key);
        if (node is null)
        {
            if (required)
            {
                _problems.Add(at, "is required.");
            }
            return null;
        }
        return TextOf(node, at);
    }

    public int? Integer(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && TryNumber(value, out var real) && real == Math.Floor(real) && Math.Abs(real) < int.MaxValue)
        {
            return (int)real;
        }
        _problems.Add(Child(path, key), $"must be a whole number, not {Describe(node)}.");
        return null;
    }

    public double? Number(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && TryNumber(value, out var number))
        {
            return number;
        }
        _problems.Add(Child(path, key), $"must be a number, not {Describe(node)}.");
        return null;
    }

    public bool? Boolean(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }
        _problems.Add(Child(path, key), $"must be true or false, not {Describe(node)}.");
        return null;
    }

    /// <summary>A list of texts; a single text is taken as a list of one.</summary>
    public IReadOnlyList<string>? TextList(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        var at = Child(path, key);
        if (node is null)
        {
            return null;
        }
        if (node is JsonArray array)
        {
            var items = new List<string>();
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is { } item && TextOf(item, Item(at, i)) is { } text)
                {
                    items.Add(text);
                }
                else if (array[i] is null)
                {
                    _problems.Add(Item(at, i), "must not be empty.");
                }
            }
            return items;
        }
        return TextOf(node, at) is { } single ? [single] : null;
    }

    /// <summary>A map whose values are lists of texts (calendar hours and overrides), in written order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> TextListMap(JsonObject obj, string key, string path)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>();
        if (Object(obj[key], Child(path, key)) is not { } map)
        {
            return result;
        }
        foreach (var (name, _) in map)
        {
            result[name] = map[name] is null ? [] : TextList(map, name, Child(path, key)) ?? [];
        }
        return result;
    }

    private string? TextOf(JsonNode node, string path)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.String:
                    return value.GetValue<string>();
                case JsonValueKind.Number when TryNumber(value, out var number):
                    return number.ToString(CultureInfo.InvariantCulture);
                case JsonValueKind.True or JsonValueKind.False:
                    return value.GetValue<bool>() ? "true" : "false";
            }
        }
        _problems.Add(path, $"must be text, not {Describe(node)}.");
        return null;
    }

    // A parsed JSON number converts to long or double as asked; one built from YAML holds exactly one of them.
    private static bool TryNumber(JsonValue value, out double number)
    {
        number = 0;
        if (value.GetValueKind() != JsonValueKind.Number)
        {
            return false;
        }
        if (value.TryGetValue<long>(out var whole))
        {
            number = whole;
            return true;
        }
        return value.TryGetValue(out number);
    }

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject => "a map",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "text",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "true/false",
            _ => "a value",
        },
        _ => "a value",
    };
}
