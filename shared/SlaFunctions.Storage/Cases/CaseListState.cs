namespace SlaFunctions.Storage.Cases;

/// <summary>Which open cases a listing asks for.</summary>
public enum CaseListState
{
    /// <summary>Every open case.</summary>
    Open,

    /// <summary>Open cases with a breached target, or whose next due has passed since they were last judged.</summary>
    Breached,

    /// <summary>Open cases not breached, with a running target past its first warning point (its <c>AtRiskAt</c>).</summary>
    AtRisk,
}
