using NodaTime.Testing;
using SlaFunctions.Notices.Email;
using SlaFunctions.Notices.Templates;
using SlaFunctions.Notices.Tests.Email;

namespace SlaFunctions.Notices.Tests.Templates;

/// <summary>The example emails committed under <c>docs/emails/</c> are what the default templates render for the
/// example LumenVox notices, so the examples can never drift. Run with <c>UPDATE_EMAIL_EXAMPLES=1</c> to rewrite
/// them after changing a template, then review the diff. <c>customer-warning.eml</c> is the whole message the pickup
/// folder writes for it.</summary>
public sealed class ExampleEmailsTests
{
    private static readonly NoticeTemplates Defaults = new();

    public static TheoryData<Audience, string> Examples => new()
    {
        { Audience.Customer, "warning" },
        { Audience.Customer, "breach" },
        { Audience.Customer, "escalation" },
        { Audience.Customer, "opened" },
        { Audience.Internal, "warning" },
        { Audience.Internal, "breach" },
        { Audience.Internal, "escalation" },
        { Audience.Internal, "opened" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Render_ExampleNotice_MatchesCommittedExample(Audience audience, string kind)
    {
        var email = Defaults.Render(NoticeTemplatesTests.Example(kind), audience, ExampleNotices.NewYork);
        var name = $"{audience.ToString().ToLowerInvariant()}-{kind}";
        var html = email.Html.ReplaceLineEndings("\n");
        var text = $"Subject: {email.Subject}\n\n{email.Text}".ReplaceLineEndings("\n");
        var folder = Path.Combine(RepositoryRoot(), "docs", "emails");

        if (Environment.GetEnvironmentVariable("UPDATE_EMAIL_EXAMPLES") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, name + ".html"), html);
            File.WriteAllText(Path.Combine(folder, name + ".txt"), text);
        }

        Assert.Equal(File.ReadAllText(Path.Combine(folder, name + ".html")).ReplaceLineEndings("\n"), html);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, name + ".txt")).ReplaceLineEndings("\n"), text);
    }

    [Fact]
    public async Task PickupFolder_ExampleWarning_MatchesCommittedEml()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sla-eml-" + Guid.NewGuid().ToString("N"));
        var sender = new PickupFolderSender(folder, new FakeClock(ExampleNotices.At("2026-03-02T14:45:05Z")));
        var email = ExampleEmails.To("IT Ops <it-ops@lumenvox.example>");
        var committed = Path.Combine(RepositoryRoot(), "docs", "emails", "customer-warning.eml");
        try
        {
            await sender.SendAsync(email, CancellationToken.None);
            var written = (await File.ReadAllTextAsync(sender.FileFor(email))).ReplaceLineEndings("\n");
            if (Environment.GetEnvironmentVariable("UPDATE_EMAIL_EXAMPLES") == "1")
            {
                await File.WriteAllTextAsync(committed, written);
            }

            Assert.Equal((await File.ReadAllTextAsync(committed)).ReplaceLineEndings("\n"), written);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SlaFunctions.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No SlaFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
