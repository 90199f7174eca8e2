namespace SlaFunctions.Engine.Escalations;

/// <summary>Where on a target's clock, or on which case event, a rule fires.</summary>
public enum EscalationTriggerKind
{
    /// <summary>When a share of the goal is used.</summary>
    Percent,

    /// <summary>A lead of open time before due.</summary>
    Before,

    /// <summary>At due, unmet.</summary>
    Breach,

    /// <summary>A lag of open time after due.</summary>
    After,

    /// <summary>When a fixed amount of open time is used (the lower threshold of a goal such as "within 4-6 hours").</summary>
    Elapsed,

    /// <summary>When the case is opened at, or raised to, one of the rule's severities.</summary>
    SeverityEntered,

    /// <summary>When the case is opened at one of the rule's severities.</summary>
    Opened,
}
