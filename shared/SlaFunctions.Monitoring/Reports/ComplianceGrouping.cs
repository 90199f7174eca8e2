namespace SlaFunctions.Monitoring.Reports;

/// <summary>What a compliance report's rows are grouped by, besides policy and target.</summary>
public enum ComplianceGrouping
{
    /// <summary>Policy and target only.</summary>
    Target,

    /// <summary>The severity each case has when judged.</summary>
    Severity,

    /// <summary>The connection's customer.</summary>
    Customer,
}
