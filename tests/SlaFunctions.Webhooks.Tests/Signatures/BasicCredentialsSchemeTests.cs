using System.Text;
using SlaFunctions.Webhooks.Signatures;
using Xunit;

namespace SlaFunctions.Webhooks.Tests.Signatures;

public sealed class BasicCredentialsSchemeTests
{
    private const string User = "sla-freshdesk";
    private static readonly byte[] Body = Fixture.Bytes("freshdesk/ticket_created.json");
    private static readonly WebhookSecrets Secrets = new(Signer.Secret, Signer.OldSecret);

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    [Theory]
    [InlineData(User + ":" + Signer.Secret, null, false)] // current
    [InlineData(User + ":" + Signer.OldSecret, null, true)] // previous, during a rotation
    [InlineData("SLA-FRESHDESK:" + Signer.Secret, SignatureProblem.Wrong, false)] // the user name is compared exactly
    [InlineData(User + ":" + Signer.Secret + "x", SignatureProblem.Wrong, false)]
    [InlineData(User + "x:" + Signer.Secret, SignatureProblem.Wrong, false)] // the right password under another name
    [InlineData(User + Signer.Secret, SignatureProblem.Malformed, false)] // no colon
    public void Verify_BasicCredentials_Compared(string credentials, SignatureProblem? problem, bool previous)
    {
        var check = new BasicCredentialsScheme(User).Verify(Deliveries.Of(Body, ("Authorization", Basic(credentials))), Secrets);

        Assert.Equal(problem, check.Problem);
        Assert.Equal(previous, check.MatchedPrevious);
    }

    [Theory]
    [InlineData(null, SignatureProblem.Missing)]
    [InlineData("Basic not*base64", SignatureProblem.Malformed)]
    [InlineData("Bearer " + Signer.Secret, SignatureProblem.Malformed)]
    public void Verify_MissingOrMalformedAuthorization_Refused(string? authorization, SignatureProblem problem)
    {
        var request = authorization is null ? Deliveries.Of(Body) : Deliveries.Of(Body, ("Authorization", authorization));

        var check = new BasicCredentialsScheme(User).Verify(request, Secrets);

        Assert.Equal(problem, check.Problem);
        Assert.Contains("Authorization", check.Detail, StringComparison.Ordinal);
    }
}
