using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Storage.Cases;

/// <summary>The case row's targets column: <see cref="TargetRecord"/>s as JSON, camel-case names and states, ISO
/// instants. Rows written before the targets were typed hold the preview API's target JSON, which has the same names
/// for these fields, so they read the same.</summary>
public static class TargetRecordJson
{
    /// <summary>The column's text for <paramref name="targets"/>; null for none.</summary>
    public static string? Write(IReadOnlyList<TargetRecord> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        return targets.Count == 0 ? null : JsonSerializer.Serialize(targets, TargetRecordJsonContext.Default.IReadOnlyListTargetRecord);
    }

    /// <summary>The targets in <paramref name="text"/>; none when it is empty or not a list this build reads (the next
    /// evaluation of the case writes it again).</summary>
    public static IReadOnlyList<TargetRecord> Read(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize(text, TargetRecordJsonContext.Default.IReadOnlyListTargetRecord) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>An instant as extended ISO-8601 in UTC (<c>2026-03-02T13:00:00Z</c>).</summary>
    internal sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString() ?? "") is { Success: true } parsed
                ? parsed.Value
                : throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 instant.");

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }

    /// <summary>A target state in camel case (<c>notStarted</c>, <c>running</c>, <c>breached</c>), as the API writes it.</summary>
    internal sealed class StateConverter() : JsonStringEnumConverter<TargetState>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
}
