using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace SlaFunctions.Notices.Tests.Email;

/// <summary>A local SMTP server speaking just enough of RFC 5321 (greeting, EHLO, AUTH PLAIN, MAIL FROM, RCPT TO,
/// DATA, RSET, QUIT) for MailKit, without TLS. It keeps every message it accepts, and can answer a chosen step
/// with a reply code or drop the connection there.</summary>
internal sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<MimeMessage> _received = [];
    private readonly Task _accepting;

    public FakeSmtpServer(string? user = null, string? password = null)
    {
        User = user;
        Password = password;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string? User { get; }

    public string? Password { get; }

    /// <summary>The step that fails, with its reply (<c>"451 4.3.0 Try again later"</c>), or null to drop the
    /// connection there without a word.</summary>
    public (SmtpStep Step, string? Reply)? Failure { get; set; }

    /// <summary>Whether the greeting never comes, so the client times out.</summary>
    public bool Silent { get; set; }

    public IReadOnlyList<MimeMessage> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The envelope recipients of every accepted message, in order.</summary>
    public List<string> Recipients { get; } = [];

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _ = Task.Run(() => ConverseAsync(client));
        }
    }

    private async Task ConverseAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            if (Silent)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
            if (!await ReplyAsync(writer, SmtpStep.Greeting, "220 fake.test ESMTP ready"))
            {
                return;
            }
            string? recipient = null;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                var keepGoing = verb switch
                {
                    "EHLO" => await ReplyAsync(writer, SmtpStep.Ehlo, User is null ? "250 fake.test" : "250-fake.test\r\n250 AUTH PLAIN"),
                    "HELO" => await ReplyAsync(writer, SmtpStep.Ehlo, "250 fake.test"),
                    "AUTH" => await AuthenticateAsync(reader, writer, line),
                    "MAIL" => await ReplyAsync(writer, SmtpStep.MailFrom, "250 2.1.0 Sender OK"),
                    "RCPT" => await ReplyAsync(writer, SmtpStep.RcptTo, "250 2.1.5 Recipient OK") && (recipient = Address(line)) is not null,
                    "DATA" when Failure?.Step == SmtpStep.Data => await ReplyAsync(writer, SmtpStep.Data, ""),
                    "DATA" => await ReplyAsync(writer, null, "354 End data with <CR><LF>.<CR><LF>") && await ReceiveAsync(reader, writer, recipient),
                    "RSET" or "NOOP" => await ReplyAsync(writer, null, "250 2.0.0 OK"),
                    "QUIT" => !await ReplyAsync(writer, null, "221 2.0.0 Bye"),
                    _ => await ReplyAsync(writer, null, "502 5.5.2 Command not recognized"),
                };
                if (!keepGoing)
                {
                    return;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up, or the test is over.
        }
    }

    private async Task<bool> AuthenticateAsync(StreamReader reader, StreamWriter writer, string line)
    {
        var parts = line.Split(' ');
        var response = parts.Length > 2 ? parts[2] : await ReadAfterChallengeAsync(reader, writer);
        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response ?? "")).Split('\0');
        var accepted = fields.Length == 3 && fields[1] == User && fields[2] == Password;
        return await ReplyAsync(writer, SmtpStep.Auth, accepted ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
    }

    private async Task<string?> ReadAfterChallengeAsync(StreamReader reader, StreamWriter writer)
    {
        await writer.WriteLineAsync("334 ");
        return await reader.ReadLineAsync(_stop.Token);
    }

    private async Task<bool> ReceiveAsync(StreamReader reader, StreamWriter writer, string? recipient)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }
        if (Failure?.Step == SmtpStep.EndOfData)
        {
            return await ReplyAsync(writer, SmtpStep.EndOfData, "");
        }
        await writer.WriteLineAsync("250 2.0.0 Queued");
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString()));
        var message = await MimeMessage.LoadAsync(content);
        lock (_received)
        {
            _received.Add(message);
            Recipients.Add(recipient ?? "");
        }
        return true;
    }

    /// <summary>Sends <paramref name="reply"/>, or the configured failure at <paramref name="step"/>. False when the
    /// conversation is over (the connection dropped, or a 421 that closes it).</summary>
    private async Task<bool> ReplyAsync(StreamWriter writer, SmtpStep? step, string reply)
    {
        if (Failure is { } failure && failure.Step == step)
        {
            if (failure.Reply is null)
            {
                return false;
            }
            await writer.WriteLineAsync(failure.Reply);
            return !failure.Reply.StartsWith("421", StringComparison.Ordinal);
        }
        await writer.WriteLineAsync(reply);
        return true;
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = line.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? line[(start + 1)..end] : line;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
