using SlaFunctions.Notices.Email;
using SlaFunctions.Notices.Templates;

namespace SlaFunctions.Notices.Tests.Email;

/// <summary>Rendered example emails, addressed, for the transport tests.</summary>
internal static class ExampleEmails
{
    public const string From = "SLA Monitor <sla@support.example.com>";

    private static readonly NoticeTemplates Templates = new();

    public static EmailMessage To(string recipient, Notice? notice = null) =>
        Templates.Compose(notice ?? ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork, From, recipient);
}
