using NodaTime;

namespace SlaFunctions.Storage.Notices;

/// <summary>A notice set aside: refused by the mail system, failed too often, or not readable at all.</summary>
public sealed record PoisonNotice
{
    /// <summary>The entry's id in the poison list, used to replay it.</summary>
    public required string Id { get; init; }

    /// <summary>The notice's id, when the message could be read.</summary>
    public string? NoticeId { get; init; }

    /// <summary>The recipient it failed for; null when the whole message failed.</summary>
    public string? Recipient { get; init; }

    /// <summary>Why it was set aside.</summary>
    public required string Reason { get; init; }

    /// <summary>The queue message as it was.</summary>
    public required string Body { get; init; }

    /// <summary>When it was set aside.</summary>
    public required Instant At { get; init; }
}
