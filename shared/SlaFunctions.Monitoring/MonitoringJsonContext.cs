using System.Text.Json.Serialization;
using SlaFunctions.Monitoring.Board;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Monitoring.Catalog;
using SlaFunctions.Monitoring.Intake;
using SlaFunctions.Monitoring.Preview;
using SlaFunctions.Monitoring.Reports;
using SlaFunctions.Monitoring.Sending;

namespace SlaFunctions.Monitoring;

/// <summary>Source-generated JSON for every view the application builds (preview, case, list, board, report, poison
/// list, policy catalog) and for the targets a case row keeps, so the app runs under Native AOT. Names are camelCase;
/// nulls are written.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PreviewResponse))]
[JsonSerializable(typeof(CaseView))]
[JsonSerializable(typeof(CaseList))]
[JsonSerializable(typeof(IReadOnlyList<PreviewTarget>))]
[JsonSerializable(typeof(PoisonList))]
[JsonSerializable(typeof(PoisonReplay))]
[JsonSerializable(typeof(BoardView))]
[JsonSerializable(typeof(ComplianceReport))]
[JsonSerializable(typeof(IReadOnlyList<PolicySummary>))]
[JsonSerializable(typeof(CalendarWindow))]
[JsonSerializable(typeof(ConnectionDeliveries))]
[JsonSerializable(typeof(WhatIf.WhatIfReport))]
public sealed partial class MonitoringJsonContext : JsonSerializerContext
{
}
