using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Notices;

/// <summary>The one place the notice format is read and written: camelCase JSON, instants as UTC ISO-8601, open
/// times as ISO-8601 durations. Every transport (Storage Queue, Service Bus) carries exactly these bytes.</summary>
public static class NoticeJson
{
    /// <summary>The notice as UTF-8 JSON.</summary>
    public static byte[] ToBytes(Notice notice) => JsonSerializer.SerializeToUtf8Bytes(notice, NoticeJsonContext.Default.Notice);

    /// <summary>The notice as a JSON string.</summary>
    public static string ToText(Notice notice) => JsonSerializer.Serialize(notice, NoticeJsonContext.Default.Notice);

    /// <summary>Reads a notice.</summary>
    /// <exception cref="NoticeFormatException">The text is not a notice of a version this build reads.</exception>
    public static Notice Read(ReadOnlySpan<byte> json)
    {
        Notice? notice;
        try
        {
            notice = JsonSerializer.Deserialize(json, NoticeJsonContext.Default.Notice);
        }
        catch (JsonException ex)
        {
            throw new NoticeFormatException($"Not a notice: {ex.Message}", ex);
        }
        return notice switch
        {
            null => throw new NoticeFormatException("Not a notice: the JSON is null."),
            { Version: < Notice.EscalationVersion or > Notice.CurrentVersion } =>
                throw new NoticeFormatException($"Notice version {notice.Version} is not one this build reads (it reads {Notice.EscalationVersion} to {Notice.CurrentVersion})."),
            { Kind: NoticeKind.StateChanged, Change: null } or { Kind: NoticeKind.StateChanged, Version: < Notice.StateChangeVersion } =>
                throw new NoticeFormatException($"Not a notice: a stateChanged notice is version {Notice.StateChangeVersion} and has a change."),
            _ => notice,
        };
    }

    /// <summary>Reads a notice from a JSON string.</summary>
    /// <exception cref="NoticeFormatException">The text is not a notice of a version this build reads.</exception>
    public static Notice Read(string json) => Read(System.Text.Encoding.UTF8.GetBytes(json ?? ""));

    internal sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            InstantPattern.ExtendedIso.Parse(reader.GetString() ?? "") is { Success: true } parsed
                ? parsed.Value
                : throw new JsonException($"'{reader.GetString()}' is not a UTC instant such as 2026-03-02T10:00:00Z.");

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
    }

    /// <summary>A target phase as its camelCase word (<c>atRisk</c>), as everything outside the engine writes it.</summary>
    internal sealed class PhaseConverter() : JsonStringEnumConverter<TargetPhase>(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

    internal sealed class DurationConverter : JsonConverter<Duration>
    {
        public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            PeriodPattern.NormalizingIso.Parse(reader.GetString() ?? "") is { Success: true } parsed
                ? parsed.Value.ToDuration()
                : throw new JsonException($"'{reader.GetString()}' is not an ISO-8601 duration such as PT1H30M.");

        public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
            writer.WriteStringValue(IsoDuration.Format(value));
    }
}

/// <summary>Source-generated serialization for <see cref="Notice"/>, so the format needs no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(NoticeJson.InstantConverter), typeof(NoticeJson.DurationConverter), typeof(NoticeJson.PhaseConverter)])]
[JsonSerializable(typeof(Notice))]
internal sealed partial class NoticeJsonContext : JsonSerializerContext;
