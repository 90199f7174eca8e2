using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using NodaTime;

namespace SlaFunctions.Notices.Email;

/// <summary>Hands each email to an SMTP server with MailKit, one connection per message.</summary>
/// <remarks>A failure worth retrying (refused or dropped connection, timeout, TLS handshake, any 4xx reply) throws
/// <see cref="EmailTransientException"/>; a 5xx reply (a recipient refused with 550, authentication refused with
/// 535) throws <see cref="EmailRejectedException"/>. The Message-ID is derived from the message id, so a server or
/// client that dedupes sees a retried message as the same one.</remarks>
public sealed class SmtpSender : IEmailTransport
{
    private readonly SmtpOptions _options;
    private readonly SecureSocketOptions _security;
    private readonly IClock _clock;

    /// <summary>Creates the sender.</summary>
    /// <exception cref="ArgumentException"><paramref name="options"/> has problems (see
    /// <see cref="SmtpOptions.Problems"/>).</exception>
    public SmtpSender(SmtpOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
        _options = options;
        _security = options.SecurityMode()!.Value;
        _clock = clock;
    }

    /// <inheritdoc/>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = EmailMime.From(message, _clock.GetCurrentInstant());
        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(_options.Host!, _options.Port, _security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.User))
            {
                await client.AuthenticateAsync(_options.User, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new EmailRejectedException($"{Server} refused the message to {message.To}: {(int)ex.StatusCode} {ex.Message}", ex);
        }
        catch (SmtpCommandException ex)
        {
            throw new EmailTransientException($"{Server} deferred the message to {message.To}: {(int)ex.StatusCode} {ex.Message}", ex);
        }
        catch (AuthenticationException ex)
        {
            throw new EmailRejectedException($"{Server} refused the credentials of {_options.User}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or TimeoutException or SslHandshakeException or ServiceNotConnectedException
                                       || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new EmailTransientException($"Could not hand the message to {Server}: {ex.Message}", ex);
        }
        await QuitAsync(client).ConfigureAwait(false);
    }

    private string Server => $"SMTP server {_options.Host}:{_options.Port}";

    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or SmtpCommandException or IOException or SocketException or TimeoutException)
        {
            // The server accepted the message before QUIT failed: it is sent, and retrying would send it twice.
        }
    }
}
