using MimeKit;
using NodaTime;

namespace SlaFunctions.Notices.Email;

/// <summary>An <see cref="EmailMessage"/> as a MIME message: text and HTML as alternatives, the deterministic
/// Message-ID and boundary, and the date it is handed over: the same message and date give the same bytes.</summary>
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
        if (mime.Body is Multipart alternatives)
        {
            // MimeKit picks a random boundary; one from the id makes the same message the same bytes every time.
            // "=_" cannot occur in quoted-printable or base64 content, so it cannot collide with a part.
            alternatives.Boundary = $"=_{EmailIds.Boundary(message.Id)}";
        }
        mime.From.Add(Address(message.From, "sender"));
        mime.To.Add(Address(message.To, "recipient"));
        // Quoted-printable where a part has non-ASCII text or long lines, so the message is valid 7-bit MIME
        // wherever it goes, a pickup file included.
        mime.Prepare(EncodingConstraint.SevenBit);
        return mime;
    }

    private static MailboxAddress Address(string address, string role) =>
        MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? mailbox
            : throw new EmailRejectedException($"The {role} '{address}' is not an email address.");
}
