namespace SlaFunctions.Monitoring.Sending;

/// <summary>The closed set of answers to replaying a poison entry.</summary>
public enum PoisonReplayOutcome
{
    /// <summary>The notice is back in the outbox, ready now.</summary>
    Replayed,

    /// <summary>The poison list has no such entry.</summary>
    NoSuchEntry,

    /// <summary>The entry's body is not a notice, so there is nothing to send again.</summary>
    NotANotice,
}
