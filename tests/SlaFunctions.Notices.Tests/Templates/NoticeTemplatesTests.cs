using SlaFunctions.Notices.Templates;

namespace SlaFunctions.Notices.Tests.Templates;

public sealed partial class NoticeTemplatesTests
{
    private static readonly NoticeTemplates Defaults = new();

    [Fact]
    public void Render_Warning_ShowsDueInRecipientZoneAndUtcAndTimeLeft()
    {
        foreach (var audience in Enum.GetValues<Audience>())
        {
            var email = Defaults.Render(ExampleNotices.Warning, audience, ExampleNotices.NewYork);
            foreach (var part in new[] { email.Html, email.Text })
            {
                Assert.Contains("Mon 2 Mar 2026, 10:00 EST (America/New_York)", part); // 15:00Z is 10:00 in New York in winter
                Assert.Contains("Mon 2 Mar 2026, 15:00 UTC", part);
                Assert.Contains("15 min", part);
                Assert.Contains("Severity 1 – Critical", part);
                Assert.Contains("First response", part);
                Assert.Contains("First response within 1 hour, around the clock (24x7)", part);
                // The agents' ticket for staff; the customer-facing page for the customer, never the agents' ticket.
                Assert.Contains(audience == Audience.Customer ? "https://support.lumenvox.example/requests/48213" : "https://lumenvox.zendesk.com/agent/tickets/48213", part);
                Assert.Equal(audience == Audience.Internal, part.Contains("zendesk.com/agent", StringComparison.Ordinal));
                Assert.Contains("48213", part);
                Assert.Contains("ASR engine returns empty transcripts after the 21.3 upgrade", part);
            }
            Assert.Contains("WARNING", email.Subject);
            Assert.Contains("First response due in 15 min", email.Subject);
        }
    }

    [Theory]
    [InlineData(Audience.Customer, "BREACHED: First response time missed – case 48213")]
    [InlineData(Audience.Internal, "[Severity 1 – Critical] BREACHED: First response target missed – 48213")]
    public void Render_Breach_SubjectSaysBreachedInWords(Audience audience, string subjectStart)
    {
        var email = Defaults.Render(ExampleNotices.Breach, audience, ExampleNotices.NewYork);

        Assert.StartsWith(subjectStart, email.Subject);
        Assert.Contains("BREACHED", email.Html);
        Assert.Contains("BREACHED", email.Text);
        Assert.Contains("Was due", email.Text);
        Assert.Contains("Late by", email.Html);
    }

    [Fact]
    public void Render_EscalationAfterBreach_ShowsHowLate()
    {
        var customer = Defaults.Render(ExampleNotices.Escalation, Audience.Customer, ExampleNotices.NewYork);
        var team = Defaults.Render(ExampleNotices.Escalation, Audience.Internal, ExampleNotices.NewYork);

        Assert.StartsWith("ESCALATED: Your case has been escalated – case 48213", customer.Subject);
        Assert.Contains("ESCALATED: First response 30 min late", team.Subject);
        foreach (var part in new[] { customer.Html, customer.Text, team.Html, team.Text })
        {
            Assert.Contains("30 min", part);
            Assert.Contains("Mon 2 Mar 2026, 10:00 EST (America/New_York)", part);
        }
        Assert.Contains("Escalated to support management and the account manager because the first response target is 30 min past due.", team.Text);
    }

    [Theory]
    [InlineData(Audience.Customer)]
    [InlineData(Audience.Internal)]
    public void Render_EventRuleWithoutTarget_SaysWhatHappened(Audience audience)
    {
        var email = Defaults.Render(ExampleNotices.Opened, audience, ExampleNotices.NewYork);

        Assert.Contains("Case opened at Severity 1 – Critical", email.Subject);
        foreach (var part in new[] { email.Html, email.Text })
        {
            Assert.Contains("Case opened at Severity 1 – Critical", part);
            Assert.Contains("Mon 2 Mar 2026, 09:00 EST (America/New_York)", part); // opened 14:00Z
            Assert.Contains("Mon 2 Mar 2026, 14:00 UTC", part);
            Assert.DoesNotContain("Time left", part);
        }
    }

    [Fact]
    public void Render_SeverityEnteredAfterOpening_SaysRaisedTo()
    {
        var notice = ExampleNotices.Opened with { Trigger = "severityEntered", At = ExampleNotices.Opened.Case.OpenedAt + NodaTime.Duration.FromHours(2) };

        var email = Defaults.Render(notice, Audience.Internal, ExampleNotices.NewYork);

        Assert.Contains("Case raised to Severity 1 – Critical", email.Subject);
    }

    [Fact]
    public void Render_SeverityEnteredAtOpening_SaysOpenedAt()
    {
        var notice = ExampleNotices.Opened with { Trigger = "severityEntered", At = ExampleNotices.Opened.Case.OpenedAt };

        var email = Defaults.Render(notice, Audience.Internal, ExampleNotices.NewYork);

        Assert.Contains("Case opened at Severity 1 – Critical", email.Subject);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/UTC")]
    public void Render_RecipientInUtc_EachTimeOnce(string zone)
    {
        var email = Defaults.Render(ExampleNotices.Warning, Audience.Internal, NodaTime.DateTimeZoneProviders.Tzdb[zone]);

        Assert.DoesNotContain("and in UTC", email.Text, StringComparison.Ordinal);
        Assert.Contains("Times are shown in UTC.", email.Text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(email.Text, NoticeWording.InUtc(ExampleNotices.Warning.Target!.DueAt)));
    }

    [Fact]
    public void Render_RecipientElsewhere_LocalThenUtc()
    {
        var email = Defaults.Render(ExampleNotices.Warning, Audience.Internal, ExampleNotices.NewYork);

        Assert.Contains("and in UTC", email.Text, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(email.Text, NoticeWording.InUtc(ExampleNotices.Warning.Target!.DueAt)));
    }

    [Theory]
    [InlineData(0, false)] // sent as it came due
    [InlineData(4, false)] // a few minutes is not late
    [InlineData(31, true)] // a late sweep or a retry
    [InlineData(29 * 60, true)] // held overnight for working hours
    public void Render_SentWellAfterItsPoint_SaysWhenAndThatTimesAreAsOfSending(int minutesLate, bool said)
    {
        var notice = ExampleNotices.Breach with { SentAt = ExampleNotices.Breach.At + NodaTime.Duration.FromMinutes(minutesLate) };

        foreach (var audience in new[] { Audience.Internal, Audience.Customer })
        {
            var email = Defaults.Render(notice, audience, ExampleNotices.NewYork);

            Assert.Equal(said, email.Text.Contains("The times above are as of sending.", StringComparison.Ordinal));
            Assert.Equal(said, email.Html.Contains("The times above are as of sending.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Render_Goal_InWordsNotIso()
    {
        var email = Defaults.Render(ExampleNotices.Warning, Audience.Internal, ExampleNotices.NewYork);

        Assert.DoesNotContain("Goal:       PT", email.Text, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    public static TheoryData<string> Kinds => ["warning", "breach", "escalation", "opened"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_Customer_LacksInternalData(string kind)
    {
        var notice = Example(kind);

        var email = Defaults.Render(notice, Audience.Customer, ExampleNotices.NewYork);

        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            Assert.DoesNotContain("maria.ortiz", part);
            Assert.DoesNotContain(notice.Rule, part);
            Assert.DoesNotContain(notice.Trigger + ",", part);
            Assert.DoesNotContain("account manager", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("support management", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("on-call", part, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Escalated to", part);
            Assert.DoesNotContain("zendesk-lumenvox", part);
            Assert.DoesNotContain("calendar", part, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Render_Internal_ShowsInternalData(string kind)
    {
        var notice = Example(kind);

        var email = Defaults.Render(notice, Audience.Internal, ExampleNotices.NewYork);

        foreach (var part in new[] { email.Html, email.Text })
        {
            Assert.Contains("maria.ortiz@support.example.com", part);
            Assert.Contains(notice.Rule, part);
            Assert.Contains("it-ops@lumenvox.example", part);
        }
    }

    [Fact]
    public void Compose_SameNoticeAndRecipient_SameId()
    {
        var first = Defaults.Compose(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork, "sla@support.example.com", "IT-Ops@lumenvox.example");
        var again = Defaults.Compose(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork, "sla@support.example.com", " it-ops@lumenvox.example ");
        var other = Defaults.Compose(ExampleNotices.Warning, Audience.Customer, ExampleNotices.NewYork, "sla@support.example.com", "cto@lumenvox.example");

        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.StartsWith(ExampleNotices.Warning.Id, first.Id, StringComparison.Ordinal);
        Assert.Equal("IT-Ops@lumenvox.example", first.To);
    }

    internal static Notice Example(string kind) => kind switch
    {
        "warning" => ExampleNotices.Warning,
        "breach" => ExampleNotices.Breach,
        "escalation" => ExampleNotices.Escalation,
        "opened" => ExampleNotices.Opened,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
