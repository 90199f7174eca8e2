namespace SlaFunctions.Notices.Tests.Email;

/// <summary>A point in an SMTP conversation where <see cref="FakeSmtpServer"/> can fail.</summary>
public enum SmtpStep
{
    Greeting,
    Ehlo,
    Auth,
    MailFrom,
    RcptTo,
    Data,
    EndOfData,
}
