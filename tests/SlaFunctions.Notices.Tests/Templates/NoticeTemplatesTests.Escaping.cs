using SlaFunctions.Notices.Templates;

namespace SlaFunctions.Notices.Tests.Templates;

public sealed partial class NoticeTemplatesTests
{
    private const string HostileTitle = "Printer on fire <script>alert('x')</script> & \"quotes\"\r\nBcc: victim@example.com";

    [Theory]
    [InlineData(Audience.Customer)]
    [InlineData(Audience.Internal)]
    public void Render_HostileTitle_IsEncodedInHtml(Audience audience)
    {
        var notice = ExampleNotices.Warning with { Case = ExampleNotices.Case with { Title = HostileTitle, Assignee = "<b>eve</b>" } };

        var email = Defaults.Render(notice, audience, ExampleNotices.NewYork);

        Assert.DoesNotContain("<script>", email.Html);
        Assert.DoesNotContain("\"quotes\"", email.Html);
        Assert.DoesNotContain("<b>eve</b>", email.Html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot;", email.Html);
        Assert.Contains("<script>alert('x')</script> & \"quotes\" Bcc: victim@example.com", email.Text); // text is not HTML: kept, on one line
    }

    [Theory]
    [InlineData(Audience.Customer)]
    [InlineData(Audience.Internal)]
    public void Render_TitleWithLineBreaksAndControls_SubjectIsOneLine(Audience audience)
    {
        var notice = ExampleNotices.Warning with { Case = ExampleNotices.Case with { Title = HostileTitle + "\u0000\u0007\u2028\tend" } };

        var email = Defaults.Render(notice, audience, ExampleNotices.NewYork);

        Assert.DoesNotContain('\r', email.Subject);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain(email.Subject, c => char.IsControl(c) || c == '\u2028');
        Assert.EndsWith("<script>alert('x')</script> & \"quotes\" Bcc: victim@example.com end", email.Subject);
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")] // runs script when clicked
    [InlineData("JavaScript:alert(1)")] // schemes are case-insensitive
    [InlineData("data:text/html,<script>alert(1)</script>")] // a whole page in the link
    [InlineData("/agent/tickets/48213")] // relative: no base to resolve it against
    [InlineData("ftp://files.example.com/48213")] // not a web page
    public void Render_UrlNotHttp_IsNotLinked(string url)
    {
        var notice = ExampleNotices.Warning with { Case = ExampleNotices.Case with { Url = url, CustomerUrl = url } };

        foreach (var audience in Enum.GetValues<Audience>())
        {
            var email = Defaults.Render(notice, audience, ExampleNotices.NewYork);

            Assert.DoesNotContain("href=", email.Html);
            Assert.DoesNotContain(url, email.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(url, email.Text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Render_UrlWithQuotes_StaysInsideTheAttribute()
    {
        var notice = ExampleNotices.Warning with { Case = ExampleNotices.Case with { CustomerUrl = "https://tickets.example.com/48213?\"onmouseover=\"alert(1)" } };

        var email = Defaults.Render(notice, Audience.Customer, ExampleNotices.NewYork);

        Assert.DoesNotContain("\"onmouseover", email.Html);
        Assert.Contains("href=\"https://tickets.example.com/48213?%22onmouseover=%22alert(1)\"", email.Html);
    }
}
