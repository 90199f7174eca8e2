namespace SlaFunctions.Engine.Contracts;

/// <summary>When a custom target's clock starts.</summary>
public enum TargetStart
{
    /// <summary>When the case opens.</summary>
    Opened,

    /// <summary>When the case entered the severity it has now: its opening, or the raise or drop to it.</summary>
    SeverityRaised,

    /// <summary>Each time the case starts waiting on the customer (status <c>pending</c>).</summary>
    Pending,
}
