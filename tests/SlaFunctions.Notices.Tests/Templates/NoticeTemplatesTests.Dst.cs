using NodaTime;
using SlaFunctions.Notices.Templates;

namespace SlaFunctions.Notices.Tests.Templates;

public sealed partial class NoticeTemplatesTests
{
    // America/New_York springs forward on 2026-03-08 at 02:00 EST (07:00Z) to 03:00 EDT.
    // Europe/London falls back on 2026-10-25 at 02:00 BST (01:00Z) to 01:00 GMT.
    [Theory]
    [InlineData("America/New_York", "2026-03-08T06:30:00Z", "Sun 8 Mar 2026, 01:30 EST (America/New_York)")] // half an hour before the jump
    [InlineData("America/New_York", "2026-03-08T07:30:00Z", "Sun 8 Mar 2026, 03:30 EDT (America/New_York)")] // half an hour after: 02:30 never happens
    [InlineData("Europe/London", "2026-10-25T00:30:00Z", "Sun 25 Oct 2026, 01:30 BST (Europe/London)")] // the first 01:30
    [InlineData("Europe/London", "2026-10-25T01:30:00Z", "Sun 25 Oct 2026, 01:30 GMT (Europe/London)")] // the second 01:30, told apart by its abbreviation
    [InlineData("Asia/Kolkata", "2026-03-08T07:30:00Z", "Sun 8 Mar 2026, 13:00 IST (Asia/Kolkata)")] // a half-hour offset
    [InlineData("UTC", "2026-03-08T07:30:00Z", "Sun 8 Mar 2026, 07:30 UTC")] // the zone's name is its abbreviation: said once
    public void Render_DueAcrossDstChange_ShowsLocalTimeAndAbbreviation(string zoneId, string due, string expected)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var notice = ExampleNotices.Warning with { Target = ExampleNotices.FirstResponse with { DueAt = ExampleNotices.At(due), Remaining = Duration.FromMinutes(15) } };

        var email = Defaults.Render(notice, Audience.Customer, zone);

        Assert.Contains(expected, email.Text);
        Assert.Contains(expected, email.Html);
        Assert.Contains(ExampleNotices.At(due).InUtc().ToString("ddd d MMM uuuu, HH:mm", null) + " UTC", email.Text);
    }

    [Theory]
    [InlineData("firstResponse", "First response")]
    [InlineData("update", "Progress update")]
    [InlineData("resolution", "Resolution")]
    [InlineData("onsiteVisit", "Onsite visit")] // camelCase custom target
    [InlineData("root_cause-report", "Root cause report")] // snake and kebab case
    [InlineData("RCA2Delivery", "Rca2 delivery")] // an acronym stays one word
    public void Render_TargetName_InWords(string name, string words)
    {
        var notice = ExampleNotices.Warning with { Target = ExampleNotices.FirstResponse with { Name = name, Remaining = Duration.FromMinutes(15) } };

        var email = Defaults.Render(notice, Audience.Customer, ExampleNotices.NewYork);

        Assert.Contains($"WARNING: {words} due in 15 min", email.Subject);
    }

    [Theory]
    [InlineData(0, 15, "15 min")]
    [InlineData(2, 0, "2 h")]
    [InlineData(26, 5, "26 h 5 min")] // open time stays in hours: a "day" of support hours is not 24 h
    public void Render_TimeLeft_InHoursAndMinutes(int hours, int minutes, string words)
    {
        var notice = ExampleNotices.Warning with { Target = ExampleNotices.FirstResponse with { Remaining = Duration.FromHours(hours) + Duration.FromMinutes(minutes) + Duration.FromSeconds(59) } };

        var email = Defaults.Render(notice, Audience.Internal, ExampleNotices.NewYork);

        Assert.Contains($"Time left:  {words} of contract hours", email.Text);
    }
}
