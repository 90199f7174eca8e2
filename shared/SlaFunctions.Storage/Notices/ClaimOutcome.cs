namespace SlaFunctions.Storage.Notices;

/// <summary>The answer to a sender asking to send a notice to a recipient.</summary>
public enum ClaimOutcome
{
    /// <summary>This sender holds the claim: send, then record the result.</summary>
    Claimed,

    /// <summary>Already sent: do nothing.</summary>
    AlreadySent,

    /// <summary>Set aside as poison: do nothing until it is replayed.</summary>
    Poisoned,

    /// <summary>Another sender is on it (its lease has not run out): try later.</summary>
    Busy,

    /// <summary>Held or waiting, and its time has not come: try later.</summary>
    NotYet,
}
