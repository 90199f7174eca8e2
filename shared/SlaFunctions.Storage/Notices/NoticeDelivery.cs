using NodaTime;

namespace SlaFunctions.Storage.Notices;

/// <summary>One notice to one recipient, as recorded.</summary>
public sealed record NoticeDelivery
{
    /// <summary>The escalation point's key within its case (<c>target/rule/occurrence</c>).</summary>
    public required string PointKey { get; init; }

    /// <summary>The recipient's address.</summary>
    public required string Recipient { get; init; }

    /// <summary>Where it stands.</summary>
    public required DeliveryState State { get; init; }

    /// <summary>warning, breach or escalation.</summary>
    public string? Kind { get; init; }

    /// <summary>The target, or the rule's id for an event rule.</summary>
    public string? Target { get; init; }

    /// <summary>When the point came due.</summary>
    public Instant? At { get; init; }

    /// <summary>How many sends were tried.</summary>
    public int Attempts { get; init; }

    /// <summary>When it was handed to the mail system.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>When it is held or waiting until.</summary>
    public Instant? NextTryAt { get; init; }

    /// <summary>The last failure, as the mail system said it.</summary>
    public string? Error { get; init; }
}
