using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace SlaFunctions.Notices.Email;

/// <summary>An <see cref="EmailMessage"/> as MIME: multipart/alternative with the text part first and the HTML part
/// last, and a Message-ID made from the message id, so the same notice to the same person always has the same one.</summary>
public static class EmailMime
{
    /// <summary>The MIME message for <paramref name="message"/>, dated <paramref name="date"/>.</summary>
    public static MimeMessage From(EmailMessage message, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = date,
            MessageId = MessageId(message),
            Body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html }.ToMessageBody(),
        };
        mime.From.Add(MailboxAddress.Parse(message.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        return mime;
    }

    /// <summary>The Message-ID of <paramref name="message"/>: a hash of its id at the sender's domain.</summary>
    public static string MessageId(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var domain = message.From[(message.From.LastIndexOf('@') + 1)..];
        return $"{Hash(message.Id)}@{domain}";
    }

    /// <summary>A short, file- and header-safe hash of <paramref name="id"/>.</summary>
    public static string Hash(string id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];
}
