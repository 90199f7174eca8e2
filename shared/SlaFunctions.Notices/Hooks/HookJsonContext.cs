using System.Text.Json.Serialization;

namespace SlaFunctions.Notices.Hooks;

/// <summary>Source-generated JSON for outbound webhooks, so sending needs no reflection (Native AOT): compact, absent
/// values left out, instants as UTC ISO-8601 and states as camelCase words, as in the notice format.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(NoticeJson.InstantConverter), typeof(NoticeJson.PhaseConverter)])]
[JsonSerializable(typeof(StateChangeEvent))]
internal sealed partial class HookJsonContext : JsonSerializerContext;
