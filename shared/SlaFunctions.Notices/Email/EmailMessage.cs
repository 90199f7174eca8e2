namespace SlaFunctions.Notices.Email;

/// <summary>One email to one recipient, rendered and ready for a transport.</summary>
public sealed record EmailMessage
{
    /// <summary>Identifies the message for idempotency at the transport where it can (the ACS operation id, the
    /// Message-ID header, the pickup file's name): the notice id and the recipient.</summary>
    public required string Id { get; init; }

    /// <summary>The sender's address.</summary>
    public required string From { get; init; }

    /// <summary>The one recipient's address.</summary>
    public required string To { get; init; }

    /// <summary>The subject line.</summary>
    public required string Subject { get; init; }

    /// <summary>The HTML part.</summary>
    public required string Html { get; init; }

    /// <summary>The plain-text part.</summary>
    public required string Text { get; init; }

    /// <summary>The id of the email for <paramref name="noticeId"/> to <paramref name="recipient"/>:
    /// <c>noticeId|recipient</c>, the address trimmed and in lower case, so it is the same every time.</summary>
    public static string IdFor(string noticeId, string recipient)
    {
        ArgumentNullException.ThrowIfNull(noticeId);
        ArgumentNullException.ThrowIfNull(recipient);
        return $"{noticeId}|{recipient.Trim().ToLowerInvariant()}";
    }
}
