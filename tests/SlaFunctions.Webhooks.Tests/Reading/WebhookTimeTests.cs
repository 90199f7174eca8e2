using NodaTime.Text;
using SlaFunctions.Webhooks.Reading;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Reading;

public sealed class WebhookTimeTests
{
    [Theory]
    [InlineData("2026-01-05T09:12:44Z", "2026-01-05T09:12:44Z")] // GitHub, ServiceNow (ours)
    [InlineData("2026-01-05T09:12:44.120+0100", "2026-01-05T08:12:44.12Z")] // Jira: offset without a colon
    [InlineData("2019-01-07T16:55:51.184-0330", "2019-01-07T20:25:51.184Z")] // Jira: half-hour offset (St John's)
    [InlineData("2026-01-05T08:12Z", "2026-01-05T08:12:00Z")] // Zendesk _with_timestamp: minutes only
    [InlineData("2025-01-10T17:27:48.105316520Z", "2025-01-10T17:27:48.10531652Z")] // Zendesk events: nanoseconds kept
    [InlineData("2026-01-05T09:01:10+01:00", "2026-01-05T08:01:10Z")] // RFC 3339
    [InlineData("2026-01-05T14:55:02+05:30", "2026-01-05T09:25:02Z")] // IST
    public void TryParse_OffsetWritten_GivesInstant(string text, string expected)
    {
        Assert.True(WebhookTime.TryParse(text, out var instant, out var error), error);
        Assert.Equal(expected, InstantPattern.ExtendedIso.Format(instant));
    }

    [Theory]
    [InlineData("2016-01-19T04:52:04", "no UTC offset")] // System.Text.Json would apply the server's offset
    [InlineData("2016-01-19 04:52:04", "no UTC offset")] // ServiceNow getValue(): UTC only by convention
    [InlineData("2026-01-05T08:12", "no UTC offset")]
    [InlineData("February 3, 2025", "not an ISO-8601")] // Zendesk {{ticket.created_at}}
    [InlineData("1767602400000", "not an ISO-8601")] // epoch ms is read elsewhere, on purpose
    [InlineData("", "is empty")]
    public void TryParse_ZoneUnknown_Refused(string text, string error)
    {
        Assert.False(WebhookTime.TryParse(text, out _, out var message));
        Assert.Contains(error, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1767602400000", "2026-01-05T08:40:00Z")]
    [InlineData("0", "1970-01-01T00:00:00Z")]
    public void TryParseUnixMilliseconds_Digits_GivesInstant(string text, string expected)
    {
        Assert.True(WebhookTime.TryParseUnixMilliseconds(text, out var instant));
        Assert.Equal(expected, InstantPattern.ExtendedIso.Format(instant));
    }

    [Theory]
    [InlineData("-1")] // before 1970: no tool sends it
    [InlineData("1.5e12")]
    [InlineData("99999999999999999")] // past NodaTime's range
    [InlineData("")]
    public void TryParseUnixMilliseconds_NotACount_Refused(string text)
    {
        Assert.False(WebhookTime.TryParseUnixMilliseconds(text, out _));
    }
}
