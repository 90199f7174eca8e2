using MailKit.Security;

namespace SlaFunctions.Notices.Email;

/// <summary>Settings of <c>Email:Smtp</c>: the server <see cref="SmtpSender"/> hands mail to.</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name. Required.</summary>
    public string? Host { get; set; }

    /// <summary>The port, 1-65535. Default 587 (submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>How the connection is secured: <c>Auto</c> (the default: TLS on 465, STARTTLS when offered
    /// elsewhere), <c>None</c>, <c>SslOnConnect</c>, <c>StartTls</c> (required) or <c>StartTlsWhenAvailable</c>.
    /// Case-insensitive.</summary>
    public string Security { get; set; } = nameof(SecureSocketOptions.Auto);

    /// <summary>The user name to authenticate with; none means no authentication.</summary>
    public string? User { get; set; }

    /// <summary>The password, with <see cref="User"/>. Keep it in a secret store, never in a settings file.</summary>
    public string? Password { get; set; }

    /// <summary>How long one network operation may take, in seconds. Default 30.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary><see cref="Security"/> parsed, or null when it is not one of the names.</summary>
    public SecureSocketOptions? SecurityMode() =>
        Enum.TryParse<SecureSocketOptions>(Security, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(Security, out _) ? mode : null;

    /// <summary>Every problem with these settings, each naming its key under <c>Email:Smtp</c>.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Host))
        {
            problems.Add("Email:Smtp:Host must be set to the SMTP server's host name.");
        }
        if (Port is < 1 or > 65535)
        {
            problems.Add($"Email:Smtp:Port {Port} is not a port; use 1-65535 (587 for submission, 465 for TLS, 25 for relay).");
        }
        if (SecurityMode() is null)
        {
            problems.Add($"Email:Smtp:Security '{Security}' is not one of Auto, None, SslOnConnect, StartTls, StartTlsWhenAvailable.");
        }
        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
        {
            problems.Add("Email:Smtp:User and Email:Smtp:Password go together: set both, or neither for no authentication.");
        }
        if (TimeoutSeconds < 1)
        {
            problems.Add($"Email:Smtp:TimeoutSeconds {TimeoutSeconds} must be at least 1.");
        }
        return problems;
    }
}
