using SlaFunctions.Engine.Contracts;
using SlaFunctions.Storage.Cases;

namespace SlaFunctions.Monitoring.Reports;

/// <summary>A case to count: its record, its (loaded) policy and its customer.</summary>
public sealed record ComplianceCase(Policy Policy, CaseRecord Record, string Customer);
