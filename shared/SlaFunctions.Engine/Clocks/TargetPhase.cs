namespace SlaFunctions.Engine.Clocks;

/// <summary>The states of a target that are announced as they change (outbound webhooks): the spec's running, met,
/// breached and stopped, plus <see cref="AtRisk"/>. Pauses are not announced.</summary>
public enum TargetPhase
{
    /// <summary>Before the target's first clock run started; only ever a change's <see cref="TargetChange.From"/>.</summary>
    NotStarted,

    /// <summary>A clock run started (for the update cadence, each cycle).</summary>
    Running,

    /// <summary>The first warning point of the policy for the target (a percent of the goal, a lead before due, a
    /// threshold of open time) came due while the run was neither met nor breached. A target whose policy has no
    /// warning rule is never at risk.</summary>
    AtRisk,

    /// <summary>The run's due passed unmet. A late reply does not follow it with <see cref="Met"/>: a late reply is
    /// still a breach (spec: States).</summary>
    Breached,

    /// <summary>Met at or before due.</summary>
    Met,

    /// <summary>Ended without being met or breached (e.g. the update cadence once the case is solved).</summary>
    Stopped,
}
