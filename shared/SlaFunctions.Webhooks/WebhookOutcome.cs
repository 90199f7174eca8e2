namespace SlaFunctions.Webhooks;

/// <summary>What an adapter made of a delivery.</summary>
public enum WebhookOutcome
{
    /// <summary>A case update to record; answer 202.</summary>
    Accepted,

    /// <summary>An event the SLA does not track (a deleted issue, a pull-request comment); answer 202 and write nothing.</summary>
    Ignored,

    /// <summary>The body is malformed or lacks what the mapping needs; answer 400 with the problems. A retry would fail
    /// the same way, so no sender should retry it.</summary>
    Rejected,
}
