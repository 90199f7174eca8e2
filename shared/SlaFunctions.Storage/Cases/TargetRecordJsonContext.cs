using System.Text.Json.Serialization;

namespace SlaFunctions.Storage.Cases;

/// <summary>Source-generated JSON for the case row's targets column (Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(TargetRecordJson.InstantConverter), typeof(TargetRecordJson.StateConverter)])]
[JsonSerializable(typeof(IReadOnlyList<TargetRecord>))]
internal sealed partial class TargetRecordJsonContext : JsonSerializerContext;
