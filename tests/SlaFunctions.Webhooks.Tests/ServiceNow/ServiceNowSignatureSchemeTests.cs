using SlaFunctions.Webhooks.ServiceNow;
using SlaFunctions.Webhooks.Signatures;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.ServiceNow;

public sealed class ServiceNowSignatureSchemeTests
{
    private static readonly byte[] Body = Fixture.Bytes("servicenow/incident_agent_comment.json");
    private static readonly WebhookSecrets Secrets = new(Signer.Secret, Signer.OldSecret);
    private readonly ServiceNowSignatureScheme _scheme = new(ReplayWindow.FiveMinutes(TestClock.Create()));

    [Theory]
    [InlineData("1767607170000", Signer.Secret, null)] // 09:59:30, current secret
    [InlineData("1767607170000", Signer.OldSecret, null)] // rotated: previous secret still accepted
    [InlineData("1767607170000", "wrong-secret", SignatureProblem.Wrong)]
    [InlineData("1767606899999", Signer.Secret, SignatureProblem.Stale)] // 09:54:59.999, just over five minutes old
    [InlineData("2026-01-05T09:59:30Z", Signer.Secret, SignatureProblem.Malformed)] // ISO where epoch ms is expected
    public void Verify_Delivery_Checked(string timestamp, string secret, SignatureProblem? problem)
    {
        var check = _scheme.Verify(Deliveries.Of(Body, Signer.ServiceNow(Body, timestamp, secret)), Secrets);

        Assert.Equal(problem, check.Problem);
    }

    [Fact]
    public void Verify_SignedWithoutTheDot_Wrong()
    {
        var headers = Signer.ServiceNow(Body, "1767607170000");
        var withoutDot = ("X-Sla-Signature", "v1=" + Convert.ToBase64String(Signer.HmacSha256(Signer.Secret, "1767607170000", Body)));

        Assert.Equal(SignatureProblem.Wrong, _scheme.Verify(Deliveries.Of(Body, headers[0], withoutDot), Secrets).Problem);
    }

    [Fact]
    public void Verify_NoSignature_Missing()
    {
        Assert.Equal(SignatureProblem.Missing, _scheme.Verify(Deliveries.Of(Body, ("X-Sla-Timestamp", "1767607170000")), Secrets).Problem);
    }

    [Fact]
    public void Verify_SignatureWithoutVersion_Malformed()
    {
        var headers = Signer.ServiceNow(Body, "1767607170000");

        var check = _scheme.Verify(Deliveries.Of(Body, headers[0], ("X-Sla-Signature", headers[1].Item2[3..])), Secrets);

        Assert.Equal(SignatureProblem.Malformed, check.Problem);
    }
}
