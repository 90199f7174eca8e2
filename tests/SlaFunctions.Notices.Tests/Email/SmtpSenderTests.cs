using NodaTime.Testing;
using SlaFunctions.Notices.Email;

namespace SlaFunctions.Notices.Tests.Email;

public sealed class SmtpSenderTests : IAsyncDisposable
{
    private readonly FakeSmtpServer _server = new();
    private readonly FakeClock _clock = new(ExampleNotices.At("2026-03-02T14:45:05Z"));

    [Fact]
    public async Task SendAsync_ServerAccepts_MessageArrivesIntact()
    {
        var email = ExampleEmails.To("it-ops@lumenvox.example");

        await Sender(_server).SendAsync(email, CancellationToken.None);

        var received = Assert.Single(_server.Received);
        Assert.Equal("it-ops@lumenvox.example", Assert.Single(_server.Recipients));
        Assert.Equal("sla@support.example.com", received.From.Mailboxes.Single().Address);
        Assert.Equal(email.Subject, received.Subject);
        Assert.Equal(email.Text, received.TextBody?.ReplaceLineEndings("\n"));
        Assert.Equal(email.Html, received.HtmlBody?.ReplaceLineEndings("\n"));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 45, 5, TimeSpan.Zero), received.Date);
    }

    [Fact]
    public async Task SendAsync_SameMessageTwice_SameMessageId()
    {
        var email = ExampleEmails.To("it-ops@lumenvox.example");
        var sender = Sender(_server);

        await sender.SendAsync(email, CancellationToken.None);
        await sender.SendAsync(email, CancellationToken.None);
        await sender.SendAsync(ExampleEmails.To("cto@lumenvox.example"), CancellationToken.None);

        Assert.Equal(3, _server.Received.Count);
        Assert.Equal(_server.Received[0].MessageId, _server.Received[1].MessageId);
        Assert.NotEqual(_server.Received[0].MessageId, _server.Received[2].MessageId);
    }

    [Fact]
    public async Task SendAsync_WithCredentials_Authenticates()
    {
        await using var server = new FakeSmtpServer("relay", "s3cret");

        await Sender(server, "relay", "s3cret").SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None);

        Assert.Single(server.Received);
    }

    [Fact]
    public async Task SendAsync_WrongPassword_Rejected()
    {
        await using var server = new FakeSmtpServer("relay", "s3cret");

        await Assert.ThrowsAsync<EmailRejectedException>(() => Sender(server, "relay", "wrong").SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));
        Assert.Empty(server.Received);
    }

    [Theory]
    [InlineData(SmtpStep.Greeting, "421 4.3.2 Service shutting down", "421")] // server too busy to talk
    [InlineData(SmtpStep.Ehlo, "421 4.7.0 Too many connections", "SMTP server")] // MailKit falls back to HELO on the closed connection
    [InlineData(SmtpStep.Ehlo, "451 4.3.0 Try again later", "451")]
    [InlineData(SmtpStep.MailFrom, "451 4.3.0 Temporary lookup failure", "451")]
    [InlineData(SmtpStep.RcptTo, "450 4.2.1 Mailbox busy, try later", "450")] // greylisting answers like this
    [InlineData(SmtpStep.RcptTo, "452 4.2.2 Mailbox full", "452")]
    [InlineData(SmtpStep.EndOfData, "451 4.3.0 Queue write error", "451")]
    public async Task SendAsync_Server4xx_Transient(SmtpStep step, string reply, string said)
    {
        _server.Failure = (step, reply);

        var error = await Assert.ThrowsAsync<EmailTransientException>(() => Sender(_server).SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));

        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Received);
    }

    [Theory]
    [InlineData(SmtpStep.RcptTo, "550 5.1.1 No such user here")] // the classic bounce
    [InlineData(SmtpStep.MailFrom, "553 5.7.1 Sender address rejected: not owned by user")]
    [InlineData(SmtpStep.EndOfData, "554 5.7.1 Message rejected as spam")]
    [InlineData(SmtpStep.Data, "554 5.5.1 No valid recipients")]
    public async Task SendAsync_Server5xx_Rejected(SmtpStep step, string reply)
    {
        _server.Failure = (step, reply);

        var error = await Assert.ThrowsAsync<EmailRejectedException>(() => Sender(_server).SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));

        Assert.Contains(reply[..3], error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Received);
    }

    [Theory]
    [InlineData(SmtpStep.Greeting)]
    [InlineData(SmtpStep.Ehlo)]
    [InlineData(SmtpStep.RcptTo)]
    [InlineData(SmtpStep.Data)]
    [InlineData(SmtpStep.EndOfData)] // the message went over, but the server never said it took it
    public async Task SendAsync_ConnectionDropped_Transient(SmtpStep step)
    {
        _server.Failure = (step, null);

        await Assert.ThrowsAsync<EmailTransientException>(() => Sender(_server).SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_Transient()
    {
        var sender = new SmtpSender(new SmtpOptions { Host = "127.0.0.1", Port = ClosedPort.Find(), Security = "None" }, _clock);

        await Assert.ThrowsAsync<EmailTransientException>(() => sender.SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_ServerNeverGreets_TransientAfterTimeout()
    {
        _server.Silent = true;
        var sender = new SmtpSender(new SmtpOptions { Host = "127.0.0.1", Port = _server.Port, Security = "None", TimeoutSeconds = 1 }, _clock);

        await Assert.ThrowsAsync<EmailTransientException>(() => sender.SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_Cancelled_Throws()
    {
        _server.Silent = true;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender(_server).SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), cancel.Token));
    }

    private SmtpSender Sender(FakeSmtpServer server, string? user = null, string? password = null) =>
        new(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, Security = "None", User = user, Password = password, TimeoutSeconds = 10 }, _clock);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
