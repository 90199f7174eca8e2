using SlaFunctions.Webhooks.Signatures;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Signatures;

public sealed class SharedSecretHeaderSchemeTests
{
    private static readonly byte[] Body = Fixture.Bytes("freshdesk/ticket_created.json");
    private static readonly WebhookSecrets Secrets = new(Signer.Secret, Signer.OldSecret);

    [Theory]
    [InlineData(Signer.Secret, null, false)] // current
    [InlineData(Signer.OldSecret, null, true)] // previous, during a rotation
    [InlineData("test-secret-2026-0", SignatureProblem.Wrong, false)] // a prefix of the secret is not the secret
    [InlineData("test-secret-2026-01x", SignatureProblem.Wrong, false)]
    public void Verify_XSlaSecret_Compared(string presented, SignatureProblem? problem, bool previous)
    {
        var check = new SharedSecretHeaderScheme().Verify(Deliveries.Of(Body, ("x-sla-secret", presented)), Secrets);

        Assert.Equal(problem, check.Problem);
        Assert.Equal(previous, check.MatchedPrevious);
    }

    [Fact]
    public void Verify_NoHeader_Missing()
    {
        Assert.Equal(SignatureProblem.Missing, new SharedSecretHeaderScheme().Verify(Deliveries.Of(Body), Secrets).Problem);
    }

    [Theory]
    [InlineData("Bearer " + Signer.Secret, null)]
    [InlineData("bearer " + Signer.Secret, null)] // the scheme name is case-insensitive
    [InlineData(Signer.Secret, SignatureProblem.Malformed)] // the scheme name is missing
    [InlineData("Basic dXNlcjpwYXNz", SignatureProblem.Malformed)]
    public void Verify_Bearer_Checked(string authorization, SignatureProblem? problem)
    {
        var check = SharedSecretHeaderScheme.Bearer().Verify(Deliveries.Of(Body, ("Authorization", authorization)), Secrets);

        Assert.Equal(problem, check.Problem);
    }
}
