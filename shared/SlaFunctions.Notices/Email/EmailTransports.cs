using Azure.Identity;

namespace SlaFunctions.Notices.Email;

/// <summary>Builds the transport <see cref="EmailOptions.Transport"/> names.</summary>
public static class EmailTransports
{
    /// <summary>The configured transport; a relative pickup folder is taken from <paramref name="contentRoot"/>.</summary>
    public static IEmailTransport Create(EmailOptions options, string contentRoot, HttpClient http, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Transport.ToLowerInvariant() switch
        {
            "smtp" => new SmtpSender(options.Smtp, time),
            "acs" => new AcsEmailSender(http, options.Acs, string.IsNullOrEmpty(options.Acs.AccessKey)
                ? new ManagedIdentityCredential(options.Acs.ClientId is { } id ? ManagedIdentityId.FromUserAssignedClientId(id) : ManagedIdentityId.SystemAssigned)
                : null, time),
            _ => new PickupFolderSender(Path.GetFullPath(options.Pickup.Folder, contentRoot), time),
        };
    }
}
