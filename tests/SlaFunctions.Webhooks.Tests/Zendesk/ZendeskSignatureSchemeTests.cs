using System.Text;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Webhooks.Signatures;
using SlaFunctions.Webhooks.Zendesk;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Zendesk;

public sealed class ZendeskSignatureSchemeTests
{
    private static readonly byte[] Body = Fixture.Bytes("zendesk/trigger_comment_public_agent.json");
    private static readonly WebhookSecrets Secrets = new(Signer.Secret);
    private readonly ZendeskSignatureScheme _scheme = new(ReplayWindow.FiveMinutes(TestClock.Create()));

    [Fact]
    public void Verify_PublishedVector_TimestampThenBody()
    {
        // Zendesk's sample secret, body and timestamp; the signature is timestamp+body as the current docs say (the
        // older page's sample signature only matches body+timestamp, and is wrong).
        var scheme = new ZendeskSignatureScheme(ReplayWindow.FiveMinutes(new FakeClock(Instant.FromUtc(2021, 7, 25, 10, 0))));
        var request = Deliveries.Of(Encoding.UTF8.GetBytes("""{"say": "hello"}"""), Instant.FromUtc(2021, 7, 25, 10, 0),
            ("X-Zendesk-Webhook-Signature", "Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk="),
            ("X-Zendesk-Webhook-Signature-Timestamp", "2021-07-25T10:00:00Z"));

        Assert.True(scheme.Verify(request, new WebhookSecrets("HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=")).IsValid);
    }

    [Fact]
    public void Verify_OldDocsVector_BodyThenTimestamp_Wrong()
    {
        var scheme = new ZendeskSignatureScheme(ReplayWindow.FiveMinutes(new FakeClock(Instant.FromUtc(2021, 7, 25, 10, 0))));
        var request = Deliveries.Of(Encoding.UTF8.GetBytes("""{"say": "hello"}"""),
            ("X-Zendesk-Webhook-Signature", "tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw="),
            ("X-Zendesk-Webhook-Signature-Timestamp", "2021-07-25T10:00:00Z"));

        Assert.Equal(SignatureProblem.Wrong, scheme.Verify(request, new WebhookSecrets("HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=")).Problem);
    }

    [Theory]
    [InlineData("2026-01-05T09:59:30Z", true)] // 30 s ago
    [InlineData("2026-01-05T09:55:00Z", true)] // exactly five minutes: inclusive
    [InlineData("2026-01-05T09:54:59Z", false)] // a second more: a replay
    [InlineData("2026-01-05T10:05:00Z", true)] // sender's clock five minutes fast
    [InlineData("2026-01-05T10:05:01Z", false)] // further ahead
    public void Verify_ReplayWindow_StaleOutsideFiveMinutes(string timestamp, bool valid)
    {
        var check = _scheme.Verify(Deliveries.Of(Body, Signer.Zendesk(Body, timestamp)), Secrets);

        Assert.Equal(valid, check.IsValid);
        Assert.Equal(valid ? null : SignatureProblem.Stale, check.Problem);
    }

    [Fact]
    public void Verify_RotatedSecret_PreviousAcceptedAndSaidSo()
    {
        var request = Deliveries.Of(Body, Signer.Zendesk(Body, "2026-01-05T09:59:30Z", Signer.OldSecret));

        var check = _scheme.Verify(request, new WebhookSecrets(Signer.Secret, Signer.OldSecret));

        Assert.True(check.IsValid);
        Assert.True(check.MatchedPrevious);
    }

    [Fact]
    public void Verify_OldSecretAfterRotationEnds_Wrong()
    {
        var request = Deliveries.Of(Body, Signer.Zendesk(Body, "2026-01-05T09:59:30Z", Signer.OldSecret));

        Assert.Equal(SignatureProblem.Wrong, _scheme.Verify(request, Secrets).Problem);
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_Wrong()
    {
        var headers = Signer.Zendesk(Body, "2026-01-05T09:59:30Z");
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("Agent", "End-user", StringComparison.Ordinal));

        Assert.Equal(SignatureProblem.Wrong, _scheme.Verify(Deliveries.Of(changed, headers), Secrets).Problem);
    }

    [Fact]
    public void Verify_NoHeaders_Missing()
    {
        var check = _scheme.Verify(Deliveries.Of(Body), Secrets);

        Assert.Equal(SignatureProblem.Missing, check.Problem);
        Assert.Contains("X-Zendesk-Webhook-Signature", check.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoTimestamp_Missing()
    {
        var signature = Signer.Zendesk(Body, "2026-01-05T09:59:30Z")[0];

        var check = _scheme.Verify(Deliveries.Of(Body, signature), Secrets);

        Assert.Equal(SignatureProblem.Missing, check.Problem);
        Assert.Contains("Timestamp", check.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "2026-01-05T09:59:30Z")] // signature
    [InlineData("dGVzdA==", "1767607170")] // Unix seconds where Zendesk sends ISO-8601
    [InlineData("dGVzdA==", "2026-01-05T09:59:30")] // no zone
    public void Verify_MalformedHeader_Malformed(string signature, string timestamp)
    {
        var request = Deliveries.Of(Body, ("X-Zendesk-Webhook-Signature", signature), ("X-Zendesk-Webhook-Signature-Timestamp", timestamp));

        Assert.Equal(SignatureProblem.Malformed, _scheme.Verify(request, Secrets).Problem);
    }
}
