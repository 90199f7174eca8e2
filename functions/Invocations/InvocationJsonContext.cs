using System.Text.Json.Serialization;

namespace SlaFunctions.Invocations;

/// <summary>Source-generated JSON for the host's invocation envelopes, so the protocol runs under Native AOT.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(InvocationRequest))]
[JsonSerializable(typeof(InvocationResult))]
[JsonSerializable(typeof(string))]
internal sealed partial class InvocationJsonContext : JsonSerializerContext;
