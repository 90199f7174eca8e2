using System.Net.Http.Headers;
using Azure.Core;

namespace SlaFunctions.Notices.Email.Acs;

/// <summary>Authorizes a request with a Microsoft Entra token for ACS (a managed identity in Azure).</summary>
internal sealed class AcsTokenAuthorization(TokenCredential credential) : IAcsAuthorization
{
    private static readonly TokenRequestContext Scope = new(["https://communication.azure.com/.default"]);

    public async ValueTask AuthorizeAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken)
    {
        // TokenCredential implementations in Azure.Identity cache the token until shortly before it expires.
        var token = await credential.GetTokenAsync(Scope, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }
}
