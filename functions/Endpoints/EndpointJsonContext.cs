using System.Text.Json.Serialization;
using SlaFunctions.Problems;

namespace SlaFunctions.Endpoints;

/// <summary>Source-generated JSON for the bodies only the edge writes (problems, health, webhook receipts, delivery
/// logs), so it runs under Native AOT. The application's own bodies are in <see cref="Monitoring.MonitoringJsonContext"/>.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(WebhookReceipt))]
internal sealed partial class EndpointJsonContext : JsonSerializerContext
{
}
