namespace SlaFunctions.Monitoring.Intake;

/// <summary>The closed set of answers to a signed webhook delivery; the edge maps each to a status code.</summary>
public enum IntakeOutcome
{
    /// <summary>The case took the delivery's changes.</summary>
    Applied,

    /// <summary>The delivery was taken before (same delivery id): nothing changed.</summary>
    Duplicate,

    /// <summary>The delivery changes nothing the case keeps.</summary>
    Unchanged,

    /// <summary>The delivery is about nothing the app tracks (a comment on no ticket, a test ping).</summary>
    Ignored,

    /// <summary>The payload cannot be read; <see cref="IntakeResult.Errors"/> says where. A retry cannot fix it.</summary>
    Unreadable,

    /// <summary>The ticket id is too long to key a case together with the connection's name.</summary>
    UnkeyableId,
}
