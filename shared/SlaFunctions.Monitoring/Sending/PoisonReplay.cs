namespace SlaFunctions.Monitoring.Sending;

/// <summary>The body of a 202 from a replay: the notice is back in the outbox, and the next sweep queues it.</summary>
public sealed record PoisonReplay
{
    /// <summary>The poison entry replayed.</summary>
    public required string Id { get; init; }

    /// <summary>The notice sent again.</summary>
    public required string NoticeId { get; init; }
}
