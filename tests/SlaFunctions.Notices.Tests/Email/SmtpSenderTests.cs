using MailKit.Security;
using SlaFunctions.Notices.Email;
using Xunit;

namespace SlaFunctions.Notices.Tests.Email;

public sealed class SmtpSenderTests : IAsyncLifetime
{
    private readonly FakeSmtpServer _server = new();
    private SmtpSender _sender = null!;

    private static readonly EmailMessage Message = new()
    {
        Id = "acme-zendesk/35436/firstResponse/first-response-breach/0|bo@vendor.example",
        From = "sla@vendor.example",
        To = "bo@vendor.example",
        Subject = "[SLA Breached] Critical case 35436",
        Html = "<p>Breached</p>",
        Text = "Breached",
    };

    public Task InitializeAsync()
    {
        _sender = new SmtpSender(new SmtpOptions { Host = "127.0.0.1", Port = _server.Port, Security = SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(5) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Send_Accepted_ArrivesWithBothPartsAndItsMessageId()
    {
        await _sender.SendAsync(Message, default);

        var data = Assert.Single(_server.Received);
        Assert.Contains("Subject: [SLA Breached] Critical case 35436", data, StringComparison.Ordinal);
        Assert.Contains("multipart/alternative", data, StringComparison.Ordinal);
        Assert.Contains($"Message-ID: <{EmailMime.MessageId(Message)}>", data, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("MAIL", "421 4.3.2 Service not available")]
    [InlineData("RCPT", "451 4.3.0 Try again later")]
    [InlineData("DATA", "452 4.3.1 Insufficient system storage")]
    public async Task Send_4xxReply_IsTransient(string step, string reply)
    {
        (_server.FailAt, _server.FailWith) = (step, reply);

        await Assert.ThrowsAsync<EmailTransientException>(() => _sender.SendAsync(Message, default));
        Assert.Empty(_server.Received);
    }

    [Fact]
    public async Task Send_550OnTheRecipient_IsRefusedForGood()
    {
        (_server.FailAt, _server.FailWith) = ("RCPT", "550 5.1.1 No such user");

        var refused = await Assert.ThrowsAsync<EmailRejectedException>(() => _sender.SendAsync(Message, default));
        Assert.Contains("550", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_NobodyListening_IsTransient()
    {
        var port = _server.Port;
        await _server.DisposeAsync();
        var sender = new SmtpSender(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(5) });

        await Assert.ThrowsAsync<EmailTransientException>(() => sender.SendAsync(Message, default));
    }
}
