namespace SlaFunctions.Notices.Email;

/// <summary>Hands a rendered email to a mail system: a pickup folder, an SMTP server or Azure Communication
/// Services.</summary>
public interface IEmailTransport
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    /// <exception cref="EmailTransientException">The mail system failed in a way worth retrying (connection refused,
    /// timeout, 4xx SMTP reply, 429 or 5xx HTTP).</exception>
    /// <exception cref="EmailRejectedException">The mail system refused the message for good (5xx SMTP reply,
    /// 400/401/403 HTTP): retrying the same message will not help.</exception>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
