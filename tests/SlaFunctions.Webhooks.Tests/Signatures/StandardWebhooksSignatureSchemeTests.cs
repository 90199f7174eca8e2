using System.Text;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Webhooks.Signatures;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Signatures;

public sealed class StandardWebhooksSignatureSchemeTests
{
    // The Standard Webhooks specification's test vector.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"test": 2432232314}""");
    private static readonly Instant SignedAt = Instant.FromUnixTimeSeconds(1614265330);

    private static StandardWebhooksSignatureScheme At(Instant now) => new(ReplayWindow.FiveMinutes(new FakeClock(now)));

    private static WebhookRequest Request(string signature, string id = "msg_p5jXN8AQM9LWM0D4loKWxJek", string timestamp = "1614265330") =>
        Deliveries.Of(Body, ("webhook-id", id), ("webhook-timestamp", timestamp), ("webhook-signature", signature));

    [Theory]
    [InlineData(Signature, null)] // the vector
    [InlineData("v1,bm90IHRoaXMgb25l " + Signature, null)] // a sender mid-rotation lists two; one matching is enough
    [InlineData("v1a,ZmFrZQ== " + Signature, null)] // another version is skipped
    [InlineData("v1,bm90IHRoaXMgb25l", SignatureProblem.Wrong)]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", SignatureProblem.Malformed)] // no version
    public void Verify_Signatures_Checked(string header, SignatureProblem? problem)
    {
        Assert.Equal(problem, At(SignedAt).Verify(Request(header), new WebhookSecrets(Secret)).Problem);
    }

    [Fact]
    public void Verify_IdChanged_Wrong()
    {
        // The id is signed, so a replay under a fresh id to dodge the dedupe store fails.
        Assert.Equal(SignatureProblem.Wrong, At(SignedAt).Verify(Request(Signature, id: "msg_other"), new WebhookSecrets(Secret)).Problem);
    }

    [Fact]
    public void Verify_PreviousSecret_Accepted()
    {
        var check = At(SignedAt).Verify(Request(Signature), new WebhookSecrets("whsec_" + Convert.ToBase64String(new byte[24]), Secret));

        Assert.True(check.MatchedPrevious);
    }

    [Theory]
    [InlineData(300, null)] // five minutes later: inclusive
    [InlineData(301, SignatureProblem.Stale)]
    [InlineData(-301, SignatureProblem.Stale)] // from our future
    public void Verify_ReplayWindow_FiveMinutes(int secondsLater, SignatureProblem? problem)
    {
        Assert.Equal(problem, At(SignedAt + Duration.FromSeconds(secondsLater)).Verify(Request(Signature), new WebhookSecrets(Secret)).Problem);
    }

    [Theory]
    [InlineData("2021-02-25T15:02:10Z", SignatureProblem.Malformed)] // ISO where Unix seconds are expected
    [InlineData("", SignatureProblem.Malformed)]
    public void Verify_BadTimestamp_Malformed(string timestamp, SignatureProblem problem)
    {
        Assert.Equal(problem, At(SignedAt).Verify(Request(Signature, timestamp: timestamp), new WebhookSecrets(Secret)).Problem);
    }

    [Fact]
    public void Verify_NoId_Missing()
    {
        var request = Deliveries.Of(Body, ("webhook-timestamp", "1614265330"), ("webhook-signature", Signature));

        Assert.Equal(SignatureProblem.Missing, At(SignedAt).Verify(request, new WebhookSecrets(Secret)).Problem);
    }

    [Fact]
    public void Sign_SpecVector_TheSpecsSignature()
    {
        // The vector of the Standard Webhooks C# library's verifyWebhookSignWorks test.
        Assert.Equal(Signature, StandardWebhooksSignatureScheme.Sign([Secret], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Body));
    }

    [Fact]
    public void Sign_TwoSecrets_BothSignaturesInOrder_EachVerifies()
    {
        var next = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("the-next-secret-of-32-bytes-long"));

        var header = StandardWebhooksSignatureScheme.Sign([next, Secret], "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, Body);

        var parts = header.Split(' ');
        Assert.Equal(2, parts.Length);
        Assert.Equal(Signature, parts[1]);
        var expected = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes("the-next-secret-of-32-bytes-long"), Encoding.UTF8.GetBytes("msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.").Concat(Body).ToArray());
        Assert.Equal("v1," + Convert.ToBase64String(expected), parts[0]);
        Assert.True(At(SignedAt).Verify(Request(header), new WebhookSecrets(next)).IsValid);
        Assert.True(At(SignedAt).Verify(Request(header), new WebhookSecrets(Secret)).IsValid);
    }

    [Fact]
    public void Sign_IdWithAFullStop_Throws()
    {
        Assert.Throws<ArgumentException>(() => StandardWebhooksSignatureScheme.Sign([Secret], "msg.1", 1614265330, Body));
    }
}
