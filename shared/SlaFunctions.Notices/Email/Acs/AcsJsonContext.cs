using System.Text.Json.Serialization;

namespace SlaFunctions.Notices.Email.Acs;

/// <summary>Source-generated JSON for the ACS Email REST API, so sending needs no reflection (Native AOT).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcsSendRequest))]
[JsonSerializable(typeof(AcsErrorResponse))]
internal sealed partial class AcsJsonContext : JsonSerializerContext;
