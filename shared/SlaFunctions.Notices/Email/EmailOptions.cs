using MimeKit;

namespace SlaFunctions.Notices.Email;

/// <summary>Settings of the <c>Email</c> section: which transport sends notices, and from which address.</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Email";

    /// <summary>Writes <c>.eml</c> files into <see cref="PickupFolderOptions.Folder"/>.</summary>
    public const string PickupTransport = "pickup";

    /// <summary>Hands mail to the server in <see cref="Smtp"/>.</summary>
    public const string SmtpTransport = "smtp";

    /// <summary>Sends through Azure Communication Services (<see cref="Acs"/>).</summary>
    public const string AcsTransport = "acs";

    /// <summary><c>pickup</c> (the default, for running locally), <c>smtp</c> or <c>acs</c>. Case-insensitive.</summary>
    public string Transport { get; set; } = PickupTransport;

    /// <summary>The sender's address, such as <c>SLA Monitor &lt;sla@support.example.com&gt;</c>. Required; with ACS it
    /// must be an address of a domain linked to the resource.</summary>
    public string? From { get; set; }

    /// <summary>Settings of the pickup folder.</summary>
    public PickupFolderOptions Pickup { get; set; } = new();

    /// <summary>Settings of the SMTP server.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Settings of Azure Communication Services.</summary>
    public AcsEmailOptions Acs { get; set; } = new();

    /// <summary>Every problem with these settings, each naming its key; only the chosen transport's section is
    /// checked. Empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(From))
        {
            problems.Add("Email:From must be set to the sender's address, such as sla@support.example.com.");
        }
        else if (!MailboxAddress.TryParse(From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
        {
            problems.Add($"Email:From '{From}' is not an email address.");
        }
        switch (Transport?.Trim().ToLowerInvariant())
        {
            case PickupTransport when string.IsNullOrWhiteSpace(Pickup.Folder):
                problems.Add("Email:Pickup:Folder must be set (default .mail/outbox, relative to the content root).");
                break;
            case PickupTransport:
                break;
            case SmtpTransport:
                problems.AddRange(Smtp.Problems());
                break;
            case AcsTransport:
                problems.AddRange(Acs.Problems());
                break;
            default:
                problems.Add($"Email:Transport '{Transport}' is not a transport; write pickup, smtp or acs.");
                break;
        }
        return problems;
    }
}
