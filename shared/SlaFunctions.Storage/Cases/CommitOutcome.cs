namespace SlaFunctions.Storage.Cases;

/// <summary>What became of a delivery.</summary>
public enum CommitOutcome
{
    /// <summary>Its events and the new case row were written together.</summary>
    Applied,

    /// <summary>The delivery had been applied before; nothing was written.</summary>
    Duplicate,

    /// <summary>The decision function chose to write nothing.</summary>
    Unchanged,
}
