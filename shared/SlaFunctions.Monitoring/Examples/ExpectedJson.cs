using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime.Text;

namespace SlaFunctions.Monitoring.Examples;

/// <summary>Compares what an example expects with what the preview gave: every field written must match, fields not
/// written are not checked. Instants match whatever offset they are written with.</summary>
public static class ExpectedJson
{
    /// <summary>One line per field of <paramref name="expected"/> that <paramref name="actual"/> does not match, as
    /// <c>path: expected X, got Y</c>.</summary>
    public static IReadOnlyList<string> Differences(JsonObject expected, JsonObject? actual, string path)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var differences = new List<string>();
        foreach (var (key, want) in expected)
        {
            var got = actual?[key];
            if (!Same(want, got))
            {
                differences.Add($"{path}.{key}: expected {Text(want)}, got {Text(got)}");
            }
        }
        return differences;
    }

    /// <summary>True when <paramref name="actual"/> holds every field of <paramref name="expected"/>.</summary>
    public static bool Matches(JsonObject expected, JsonObject actual) => Differences(expected, actual, "").Count == 0;

    /// <summary>A value as it is shown in a difference: text without quotes, anything else as JSON, and "(none)".</summary>
    public static string Text(JsonNode? node) => node switch
    {
        null => "(none)",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static bool Same(JsonNode? want, JsonNode? got)
    {
        if (want is null || got is null)
        {
            return want is null && got is null;
        }
        if (want is JsonArray wanted && got is JsonArray gotten)
        {
            return wanted.Count == gotten.Count && wanted.Zip(gotten).All(p => Same(p.First, p.Second));
        }
        var (a, b) = (Text(want), Text(got));
        if (a == b)
        {
            return true;
        }
        var (x, y) = (OffsetDateTimePattern.ExtendedIso.Parse(a), OffsetDateTimePattern.ExtendedIso.Parse(b));
        return x.Success && y.Success && x.Value.ToInstant() == y.Value.ToInstant();
    }
}
