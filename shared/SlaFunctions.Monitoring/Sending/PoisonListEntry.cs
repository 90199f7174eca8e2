namespace SlaFunctions.Monitoring.Sending;

/// <summary>One notice set aside, as the API shows it.</summary>
public sealed record PoisonListEntry
{
    /// <summary>The entry's id: replay it with <c>POST /api/notices/poison/{id}/replay</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The notice's id, when the message could be read.</summary>
    public string? NoticeId { get; init; }

    /// <summary>The recipient it failed for; null when the whole message failed.</summary>
    public string? Recipient { get; init; }

    /// <summary>Why it was set aside.</summary>
    public required string Reason { get; init; }

    /// <summary>When, UTC.</summary>
    public required string At { get; init; }

    /// <summary>The queue message as it was.</summary>
    public required string Body { get; init; }
}
