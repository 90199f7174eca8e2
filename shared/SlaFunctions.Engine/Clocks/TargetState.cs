namespace SlaFunctions.Engine.Clocks;

/// <summary>Where a target stands at an instant (spec: sla-semantics, States).</summary>
public enum TargetState
{
    /// <summary>Its clock has not started (e.g. the update cadence before the first reply).</summary>
    NotStarted,

    /// <summary>Counting towards its due instant.</summary>
    Running,

    /// <summary>Stopped while the case waits on the customer; no due instant until it resumes.</summary>
    Paused,

    /// <summary>Met at or before due.</summary>
    Met,

    /// <summary>Due passed unmet, or met after due.</summary>
    Breached,

    /// <summary>Ended without being met or breached (e.g. the update cadence once the case is solved).</summary>
    Stopped,
}
