using System.Text;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Webhooks.Jira;
using SlaFunctions.Webhooks.Signatures;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Jira;

public sealed class JiraSignatureSchemeTests
{
    private static readonly byte[] Body = Fixture.Bytes("jira/issue_updated_waiting_for_customer.json"); // timestamp 2026-01-05T08:40:00Z
    private static readonly WebhookSecrets Secrets = new(Signer.Secret);

    private static JiraSignatureScheme At(Instant now) =>
        new(new ReplayWindow(new FakeClock(now), Duration.FromHours(24), Duration.FromMinutes(5)));

    private static WebhookRequest Signed(byte[] body, string secret = Signer.Secret) =>
        Deliveries.Of(body, Signer.HubSignature("X-Hub-Signature", body, secret));

    [Theory]
    [InlineData("2026-01-05T08:40:00Z", true)] // delivered at once
    [InlineData("2026-01-05T09:10:00Z", true)] // a retry 30 minutes late still gets in
    [InlineData("2026-01-06T08:40:00Z", true)] // 24 hours: inclusive
    [InlineData("2026-01-06T08:40:01Z", false)] // older than 24 hours: a replay
    [InlineData("2026-01-05T08:34:59Z", false)] // body timestamp more than 5 minutes in our future
    public void Verify_BodyTimestamp_CheckedAgainstTheWindow(string now, bool valid)
    {
        var check = At(InstantPattern(now)).Verify(Signed(Body), Secrets);

        Assert.Equal(valid ? null : SignatureProblem.Stale, check.Problem);
    }

    [Fact]
    public void Verify_RotatedSecret_PreviousAccepted()
    {
        var check = At(TestClock.Now).Verify(Signed(Body, Signer.OldSecret), new WebhookSecrets(Signer.Secret, Signer.OldSecret));

        Assert.True(check.MatchedPrevious);
        Assert.True(check.IsValid);
    }

    [Fact]
    public void Verify_WrongSecret_Wrong()
    {
        Assert.Equal(SignatureProblem.Wrong, At(TestClock.Now).Verify(Signed(Body, "someone-else's"), Secrets).Problem);
    }

    [Fact]
    public void Verify_NoHeader_Missing()
    {
        Assert.Equal(SignatureProblem.Missing, At(TestClock.Now).Verify(Deliveries.Of(Body), Secrets).Problem);
    }

    [Theory]
    [InlineData("sha1=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12")] // another method: read, and refused
    [InlineData("sha256=xyz")] // not hex
    [InlineData("sha256=abc")] // odd length
    [InlineData("0123abcd")] // no method
    public void Verify_MalformedHeader_Malformed(string header)
    {
        var check = At(TestClock.Now).Verify(Deliveries.Of(Body, ("X-Hub-Signature", header)), Secrets);

        Assert.Equal(SignatureProblem.Malformed, check.Problem);
    }

    [Fact]
    public void Verify_BodyWithoutTimestamp_NoWindowToCheck()
    {
        var body = Encoding.UTF8.GetBytes("""{"webhookEvent":"jira:issue_updated"}""");

        Assert.True(At(TestClock.Now).Verify(Signed(body), Secrets).IsValid);
    }

    private static Instant InstantPattern(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;
}
