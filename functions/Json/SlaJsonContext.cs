using System.Text.Json.Serialization;
using SlaFunctions.Board;
using SlaFunctions.Cases;
using SlaFunctions.Catalog;
using SlaFunctions.Endpoints;
using SlaFunctions.Preview;
using SlaFunctions.Problems;
using SlaFunctions.Sending;
using SlaFunctions.Reports;

namespace SlaFunctions.Json;

/// <summary>Source-generated JSON for every body the app writes, so it runs under Native AOT.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PreviewResponse))]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(CaseView))]
[JsonSerializable(typeof(CaseList))]
[JsonSerializable(typeof(ConnectionDeliveries))]
[JsonSerializable(typeof(WebhookReceipt))]
[JsonSerializable(typeof(IReadOnlyList<PreviewTarget>))]
[JsonSerializable(typeof(PoisonList))]
[JsonSerializable(typeof(PoisonReplay))]
[JsonSerializable(typeof(BoardView))]
[JsonSerializable(typeof(ComplianceReport))]
[JsonSerializable(typeof(IReadOnlyList<PolicySummary>))]
[JsonSerializable(typeof(CalendarWindow))]
internal sealed partial class SlaJsonContext : JsonSerializerContext
{
}
