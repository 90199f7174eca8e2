using MimeKit;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Notices.Email;
using SlaFunctions.Notices.Tests.Templates;

namespace SlaFunctions.Notices.Tests.Email;

public sealed class PickupFolderSenderTests : IDisposable
{
    private readonly TemplateFolder _folder = new();
    private readonly FakeClock _clock = new(ExampleNotices.At("2026-03-02T14:45:05Z"));

    [Fact]
    public async Task SendAsync_NewMessage_WritesEmlWithBothParts()
    {
        var sender = new PickupFolderSender(_folder.Path, _clock);
        var email = ExampleEmails.To("it-ops@lumenvox.example");

        await sender.SendAsync(email, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_folder.Path));
        Assert.Equal(sender.FileFor(email), file);
        using var mime = await MimeMessage.LoadAsync(file);
        Assert.Equal("sla@support.example.com", mime.From.Mailboxes.Single().Address);
        Assert.Equal("it-ops@lumenvox.example", mime.To.Mailboxes.Single().Address);
        Assert.Equal(email.Subject, mime.Subject);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 45, 5, TimeSpan.Zero), mime.Date);
        Assert.Equal(email.Text, mime.TextBody?.ReplaceLineEndings("\n"));
        Assert.Equal(email.Html, mime.HtmlBody?.ReplaceLineEndings("\n"));
        Assert.Matches("^[0-9a-f]{32}@support.example.com$", mime.MessageId);
    }

    [Fact]
    public async Task SendAsync_SameIdTwice_OneFileUnchanged()
    {
        var sender = new PickupFolderSender(_folder.Path, _clock);
        var email = ExampleEmails.To("it-ops@lumenvox.example");
        await sender.SendAsync(email, CancellationToken.None);
        var first = await File.ReadAllBytesAsync(sender.FileFor(email));
        _clock.Advance(Duration.FromMinutes(5));

        await sender.SendAsync(email with { Subject = "changed on the retry" }, CancellationToken.None);

        Assert.Single(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
        Assert.Equal(first, await File.ReadAllBytesAsync(sender.FileFor(email)));
    }

    [Fact]
    public async Task SendAsync_SameIdFromTwoSendersAtOnce_OneFile()
    {
        var email = ExampleEmails.To("it-ops@lumenvox.example");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new PickupFolderSender(_folder.Path, _clock).SendAsync(email, CancellationToken.None))));

        var file = Assert.Single(Directory.GetFiles(_folder.Path, "*", SearchOption.AllDirectories));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conn/48213/frt:0|a@x.example", "conn_48213_frt_0_a@x.example")] // separators become one underscore
    [InlineData("../../etc/passwd|a@x.example", "etc_passwd_a@x.example")] // cannot climb out of the folder
    public void FileFor_Id_ReadableAndInsideFolder(string id, string readable)
    {
        var sender = new PickupFolderSender(_folder.Path, _clock);

        var file = sender.FileFor(ExampleEmails.To("a@x.example") with { Id = id });

        Assert.Equal(_folder.Path, Path.GetDirectoryName(file));
        Assert.Matches($"^{readable.Replace(".", "\\.", StringComparison.Ordinal)}-[0-9a-f]{{12}}\\.eml$", Path.GetFileName(file));
    }

    [Fact]
    public void FileFor_IdsThatReadAlike_DifferentFiles()
    {
        var sender = new PickupFolderSender(_folder.Path, _clock);
        var email = ExampleEmails.To("a@x.example");

        Assert.NotEqual(sender.FileFor(email with { Id = "c/48213/frt|a@x.example" }), sender.FileFor(email with { Id = "c_48213_frt|a@x.example" }));
        Assert.NotEqual(sender.FileFor(email with { Id = new string('a', 100) + "1" }), sender.FileFor(email with { Id = new string('a', 100) + "2" }));
    }

    [Fact]
    public async Task SendAsync_FolderIsAFile_Transient()
    {
        Directory.CreateDirectory(_folder.Path);
        var blocked = _folder.Write("blocked", "not a folder");

        await Assert.ThrowsAsync<EmailTransientException>(() => new PickupFolderSender(blocked, _clock).SendAsync(ExampleEmails.To("a@x.example"), CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_RecipientNotAnAddress_Rejected()
    {
        await Assert.ThrowsAsync<EmailRejectedException>(() => new PickupFolderSender(_folder.Path, _clock).SendAsync(ExampleEmails.To("not an address"), CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();
}
