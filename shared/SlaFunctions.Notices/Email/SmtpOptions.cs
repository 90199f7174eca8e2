using MailKit.Security;

namespace SlaFunctions.Notices.Email;

/// <summary>Settings of <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>The server's host name.</summary>
    public string Host { get; set; } = "";

    /// <summary>The port: 587 for submission with STARTTLS by default.</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c>, <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>The user to sign in as, if the server asks.</summary>
    public string? User { get; set; }

    /// <summary>The password (a Key Vault reference in Azure, never in a file).</summary>
    public string? Password { get; set; }

    /// <summary>How long one command may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
