using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SlaFunctions.Notices.Email;

/// <summary>Sends through an SMTP server with MailKit. A 4xx reply, a refused or dropped connection or a timeout is
/// transient; a 5xx reply (such as 550 for an unknown mailbox) is a refusal for good.</summary>
public sealed class SmtpSender : IEmailTransport
{
    private readonly SmtpOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Uses the server in <paramref name="options"/>.</summary>
    public SmtpSender(SmtpOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        using var mime = EmailMime.From(message, _time.GetUtcNow());
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_options.Host, _options.Port, _options.Security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(_options.User))
            {
                await client.AuthenticateAsync(_options.User, _options.Password ?? "", cancellationToken).ConfigureAwait(false);
            }
            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            throw new EmailRejectedException($"The SMTP server refused the message: {(int)ex.StatusCode} {ex.Message}", ex);
        }
        catch (AuthenticationException ex)
        {
            throw new EmailRejectedException($"The SMTP server refused the credentials: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or SocketException or IOException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new EmailTransientException($"The SMTP server {_options.Host}:{_options.Port} failed: {ex.Message}", ex);
        }
    }
}
