using System.Net.Mail;

namespace SlaFunctions.Notices.Email;

/// <summary>Settings of the <c>Email</c> section: which transport carries the emails, and from which address.</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Email";

    /// <summary><c>pickup</c> (the local default: <c>.eml</c> files), <c>smtp</c> or <c>acs</c>.</summary>
    public string Transport { get; set; } = "pickup";

    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "sla@localhost.localdomain";

    /// <summary>Settings of the pickup folder.</summary>
    public PickupOptions Pickup { get; set; } = new();

    /// <summary>Settings of the SMTP server.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Settings of Azure Communication Services.</summary>
    public AcsEmailOptions Acs { get; set; } = new();

    /// <summary>Every problem with these settings, each naming its key.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!MailAddress.TryCreate(From, out _))
        {
            problems.Add($"Email:From '{From}' is not an email address.");
        }
        switch (Transport.ToLowerInvariant())
        {
            case "pickup":
                break;
            case "smtp" when string.IsNullOrWhiteSpace(Smtp.Host):
                problems.Add("Email:Smtp:Host must be set when Email:Transport is smtp.");
                break;
            case "smtp":
                break;
            case "acs" when Acs.Endpoint is null:
                problems.Add("Email:Acs:Endpoint must be set when Email:Transport is acs (https://<resource>.communication.azure.com).");
                break;
            case "acs":
                break;
            default:
                problems.Add($"Email:Transport '{Transport}' is not one of pickup, smtp, acs.");
                break;
        }
        return problems;
    }
}
