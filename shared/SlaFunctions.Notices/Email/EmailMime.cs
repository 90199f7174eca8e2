using MimeKit;
using NodaTime;

namespace SlaFunctions.Notices.Email;

/// <summary>An <see cref="EmailMessage"/> as a MIME message: text and HTML as alternatives, the deterministic
/// Message-ID, and the date it is handed over.</summary>
internal static class EmailMime
{
    /// <exception cref="EmailRejectedException">The sender or recipient is not an email address.</exception>
    public static MimeMessage From(EmailMessage message, Instant date)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date.ToDateTimeOffset(),
            MessageId = EmailIds.MessageId(message),
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(Address(message.From, "sender"));
        mime.To.Add(Address(message.To, "recipient"));
        return mime;
    }

    private static MailboxAddress Address(string address, string role) =>
        MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? mailbox
            : throw new EmailRejectedException($"The {role} '{address}' is not an email address.");
}
