namespace SlaFunctions.Notices.Email.Acs;

/// <summary>Adds the headers that prove a request to ACS is ours: an HMAC signature or a bearer token.</summary>
internal interface IAcsAuthorization
{
    /// <summary>Authorizes <paramref name="request"/>, whose body is exactly <paramref name="body"/>.</summary>
    ValueTask AuthorizeAsync(HttpRequestMessage request, byte[] body, CancellationToken cancellationToken);
}
