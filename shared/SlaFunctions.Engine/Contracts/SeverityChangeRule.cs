namespace SlaFunctions.Engine.Contracts;

/// <summary>What a severity change does to the clocks of targets not yet met.</summary>
public enum SeverityChangeRule
{
    /// <summary>Recompute from the original start with the new goal and calendar, pauses counted as before (the spec's default).</summary>
    FromStart,

    /// <summary>Start again at the change with the new goal.</summary>
    Restart,

    /// <summary>Start again at the change with the new goal less the open time already used.</summary>
    CarryOver,
}
