using NodaTime;
using SlaFunctions.Notices.Templates;
using Xunit;

namespace SlaFunctions.Notices.Tests.Templates;

public sealed class NoticeTemplatesTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private readonly NoticeTemplates _templates = new();

    public static TheoryData<string, string> Kinds() => new()
    {
        { "warning", "[Warning] Case 35436: First response due in 15 minutes - Calls drop after 30 seconds" },
        { "breach", "[Breached] Case 35436: First response target breached - Calls drop after 30 seconds" },
        { "escalation", "[Escalated] Case 35436: First response 2 hours 5 minutes overdue - Calls drop after 30 seconds" },
    };

    private static Notice Sample(string kind) => kind switch
    {
        "warning" => SampleNotices.Warning(),
        "breach" => SampleNotices.Breach(),
        "escalation" => SampleNotices.Escalation(),
        _ => SampleNotices.Raised(),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Customer_EachKind_SubjectAndBothPartsCarryTheFacts(string kind, string subject)
    {
        var email = _templates.Render(Sample(kind), Audience.Customer, NewYork);

        Assert.Equal(subject, email.Subject);
        foreach (var part in new[] { email.Html, email.Text })
        {
            Assert.Contains("Case 35436", part, StringComparison.Ordinal);
            Assert.Contains("Critical", part, StringComparison.Ordinal);
            // Due 10:00 UTC is 06:00 in New York, which moved to EDT on 8 March.
            Assert.Contains("Mon 9 Mar 2026, 06:00 EDT", part, StringComparison.Ordinal);
            Assert.Contains("Mon 9 Mar 2026, 10:00 UTC", part, StringComparison.Ordinal);
            Assert.Contains("First response within 1 hour", part, StringComparison.Ordinal);
            Assert.Contains("https://desk.acme.example/agent/tickets/35436", part, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("warning", "15 minutes of open time left")]
    [InlineData("escalation", "2 hours 5 minutes of open time late")]
    public void Internal_SaysHowMuchTimeIsLeftOrHowLate(string kind, string words)
    {
        var email = _templates.Render(Sample(kind), Audience.Internal, DateTimeZone.Utc);

        Assert.Contains(words, email.Text, StringComparison.Ordinal);
        Assert.Contains(words, email.Html, StringComparison.Ordinal);
        Assert.Contains("bo@vendor.example", email.Text, StringComparison.Ordinal);
        Assert.Contains("Acme Corp", email.Subject, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("breach")]
    [InlineData("escalation")]
    [InlineData("raised")]
    public void Customer_NeverSeesInternalData(string kind)
    {
        var email = _templates.Render(Sample(kind), Audience.Customer, NewYork);

        foreach (var secret in new[] { "bo@vendor.example", "supportManagement", "accountManager", "first-response", "critical-raised", "Acme Corp", "acme-zendesk" })
        {
            Assert.DoesNotContain(secret, email.Subject + email.Html + email.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EventRule_WithNoTarget_SaysWhatHappened()
    {
        var email = _templates.Render(SampleNotices.Raised(), Audience.Internal, DateTimeZone.Utc);

        Assert.Equal("[SLA Escalated] Critical case 35436: Case raised to Critical (Acme Corp)", email.Subject);
        Assert.DoesNotContain("Due", email.Text, StringComparison.Ordinal);
        Assert.Contains("Rule: critical-raised (told: onCall, supportManagement)", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileTitleAndLink_EscapedAndNotLinked()
    {
        var notice = SampleNotices.Make(Notices.NoticeKind.Breach, "breach", "r", SampleNotices.Due, SampleNotices.Breach().Target, ["customer"],
            title: "<script>alert('x')</script> \"quoted\"\r\nBcc: everyone@example.com", url: "javascript:alert(1)");

        var email = _templates.Render(notice, Audience.Customer, DateTimeZone.Utc);

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', email.Subject);
        Assert.DoesNotContain('\r', email.Subject);
    }

    [Fact]
    public void PolicyOverride_ReplacesOnlyThePartItOverrides_AndABrokenOneIsNamed()
    {
        var folder = Directory.CreateTempSubdirectory("templates").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "lumenvox"));
            File.WriteAllText(Path.Combine(folder, "lumenvox", "customer.subject.liquid"), "LumenVox case {{ case_id }}: {{ what }}");
            var email = new NoticeTemplates(folder).Render(SampleNotices.Breach(), Audience.Customer, DateTimeZone.Utc);
            Assert.Equal("LumenVox case 35436: Breached", email.Subject);
            Assert.Contains("Our commitment", email.Text, StringComparison.Ordinal);

            File.WriteAllText(Path.Combine(folder, "lumenvox", "internal.text.liquid"), "{% if what %}never closed");
            var problem = Assert.Single(NoticeTemplates.Problems(folder));
            Assert.Contains("internal.text.liquid", problem, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
