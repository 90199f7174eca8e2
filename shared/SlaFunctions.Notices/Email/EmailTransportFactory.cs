using Azure.Identity;
using NodaTime;

namespace SlaFunctions.Notices.Email;

/// <summary>Builds the transport <see cref="EmailOptions.Transport"/> names.</summary>
public static class EmailTransportFactory
{
    /// <summary>The configured transport: a <see cref="PickupFolderSender"/> (the folder resolved against
    /// <paramref name="contentRoot"/>), an <see cref="SmtpSender"/> or an <see cref="AcsEmailSender"/> (the access key
    /// when set, else the managed identity, user-assigned when <see cref="AcsEmailOptions.ClientId"/> is set).</summary>
    /// <param name="options">The <c>Email</c> section.</param>
    /// <param name="contentRoot">The folder a relative pickup folder is under.</param>
    /// <param name="http">The client ACS requests go through; unused by the other transports.</param>
    /// <param name="clock">Dates messages and signatures.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> has problems; the message lists every one,
    /// each naming its key.</exception>
    public static IEmailTransport Create(EmailOptions options, string contentRoot, HttpClient http, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(contentRoot);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
        return options.Transport.Trim().ToLowerInvariant() switch
        {
            EmailOptions.SmtpTransport => new SmtpSender(options.Smtp, clock),
            EmailOptions.AcsTransport => Acs(options.Acs, http, clock),
            _ => new PickupFolderSender(Path.GetFullPath(options.Pickup.Folder, Path.GetFullPath(contentRoot)), clock),
        };
    }

    private static AcsEmailSender Acs(AcsEmailOptions acs, HttpClient http, IClock clock)
    {
        if (!string.IsNullOrEmpty(acs.AccessKey))
        {
            return new AcsEmailSender(http, acs.Endpoint!, acs.AccessKey, clock);
        }
        var identity = string.IsNullOrWhiteSpace(acs.ClientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(acs.ClientId);
        return new AcsEmailSender(http, acs.Endpoint!, new ManagedIdentityCredential(identity));
    }
}
