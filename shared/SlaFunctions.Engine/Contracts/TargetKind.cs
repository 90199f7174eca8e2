namespace SlaFunctions.Engine.Contracts;

/// <summary>What a target measures, which fixes when its clock starts, pauses and stops.</summary>
public enum TargetKind
{
    /// <summary>From opening to the first public agent reply. Pauses do not stop it.</summary>
    FirstResponse,

    /// <summary>Progress-update cadence: from each public agent reply to the next. Pauses while waiting on the customer.</summary>
    Update,

    /// <summary>From opening to solved. Pauses while waiting on the customer; a reopened case resumes it.</summary>
    Resolution,

    /// <summary>A named target of the policy's own, started by <see cref="TargetStart"/> and met by its events.</summary>
    Custom,

    /// <summary>Next reply time: after the first public agent reply, from the oldest unanswered customer message to the
    /// next public agent reply, one run per such message. Pauses while waiting on the customer, like the update cadence.</summary>
    NextReply,

    /// <summary>A team target (OLA): from each time the target's group takes the case until it hands it on or the case
    /// is solved; one run per such spell. Pauses while waiting on the customer.</summary>
    Team,
}
