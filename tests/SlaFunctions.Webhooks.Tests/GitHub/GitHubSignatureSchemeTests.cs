using System.Text;
using SlaFunctions.Webhooks.GitHub;
using SlaFunctions.Webhooks.Signatures;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.GitHub;

public sealed class GitHubSignatureSchemeTests
{
    private static readonly byte[] Body = Fixture.Bytes("github/issue_comment_member.json");
    private readonly GitHubSignatureScheme _scheme = new();

    [Fact]
    public void Verify_PublishedVector_Valid()
    {
        // GitHub's documented example: secret "It's a Secret to Everybody", body "Hello, World!".
        var request = Deliveries.Of(Encoding.UTF8.GetBytes("Hello, World!"),
            ("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"));

        Assert.True(_scheme.Verify(request, new WebhookSecrets("It's a Secret to Everybody")).IsValid);
    }

    [Fact]
    public void Verify_UpperCaseHex_Valid()
    {
        var (name, value) = Signer.HubSignature("X-Hub-Signature-256", Body);

        Assert.True(_scheme.Verify(Deliveries.Of(Body, (name, "sha256=" + value[7..].ToUpperInvariant())), new WebhookSecrets(Signer.Secret)).IsValid);
    }

    [Theory]
    [InlineData(Signer.Secret, null, true, false)] // current secret
    [InlineData(Signer.OldSecret, Signer.OldSecret, true, true)] // mid-rotation: the previous one still works
    [InlineData(Signer.OldSecret, null, false, false)] // rotation finished: the old one is wrong
    public void Verify_Secrets_CurrentOrPrevious(string signedWith, string? previous, bool valid, bool matchedPrevious)
    {
        var check = _scheme.Verify(Deliveries.Of(Body, Signer.HubSignature("X-Hub-Signature-256", Body, signedWith)), new WebhookSecrets(Signer.Secret, previous));

        Assert.Equal(valid, check.IsValid);
        Assert.Equal(matchedPrevious, check.MatchedPrevious);
        Assert.Equal(valid ? null : SignatureProblem.Wrong, check.Problem);
    }

    [Fact]
    public void Verify_OnlyLegacySha1Header_Missing()
    {
        var request = Deliveries.Of(Body, ("X-Hub-Signature", "sha1=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"));

        Assert.Equal(SignatureProblem.Missing, _scheme.Verify(request, new WebhookSecrets(Signer.Secret)).Problem);
    }

    [Theory]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")] // no prefix
    [InlineData("sha256=")] // nothing after it
    [InlineData("sha256=not-hex")]
    public void Verify_MalformedHeader_Malformed(string header)
    {
        Assert.Equal(SignatureProblem.Malformed, _scheme.Verify(Deliveries.Of(Body, ("X-Hub-Signature-256", header)), new WebhookSecrets(Signer.Secret)).Problem);
    }
}
