using NodaTime;
using SlaFunctions.Notices.Templates;
using Xunit;

namespace SlaFunctions.Notices.Tests.Templates;

/// <summary>The example emails in docs/emails/ are what the templates render now: a change to a template fails here
/// until the examples are written again with <c>UPDATE_EMAIL_EXAMPLES=1 dotnet test</c>.</summary>
public sealed class EmailExamplesTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static TheoryData<string, string> Examples() => new()
    {
        { "customer", "warning" }, { "customer", "breach" }, { "customer", "escalation" },
        { "internal", "warning" }, { "internal", "breach" }, { "internal", "escalation" }, { "internal", "raised" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_MatchesTheTemplates(string audience, string kind)
    {
        var notice = kind switch
        {
            "warning" => SampleNotices.Warning(),
            "breach" => SampleNotices.Breach(),
            "escalation" => SampleNotices.Escalation(),
            _ => SampleNotices.Raised(),
        };
        var email = new NoticeTemplates().Render(notice, audience == "customer" ? Audience.Customer : Audience.Internal, NewYork);
        var folder = Path.Combine(RepositoryRoot(), "docs", "emails");
        var html = Path.Combine(folder, $"{audience}-{kind}.html");
        var text = Path.Combine(folder, $"{audience}-{kind}.txt");
        var textWithSubject = $"Subject: {email.Subject}\n\n{email.Text}";
        if (Environment.GetEnvironmentVariable("UPDATE_EMAIL_EXAMPLES") == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(html, email.Html);
            File.WriteAllText(text, textWithSubject);
        }

        Assert.Equal(File.ReadAllText(html), email.Html);
        Assert.Equal(File.ReadAllText(text), textWithSubject);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SlaFunctions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("SlaFunctions.sln not found above the test's folder.");
    }
}
