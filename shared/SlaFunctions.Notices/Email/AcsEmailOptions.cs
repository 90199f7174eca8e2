namespace SlaFunctions.Notices.Email;

/// <summary>Settings of <c>Email:Acs</c>: the Azure Communication Services resource <see cref="AcsEmailSender"/>
/// sends through.</summary>
public sealed class AcsEmailOptions
{
    /// <summary>The resource's endpoint, <c>https://&lt;name&gt;.communication.azure.com</c>. Required.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource's access key (base64), for HMAC-signed requests. Leave it unset in Azure: without a key
    /// the sender uses the managed identity.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The user-assigned managed identity's client id; unset means the system-assigned identity. Used only
    /// without <see cref="AccessKey"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>Every problem with these settings, each naming its key under <c>Email:Acs</c>.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Endpoint is null)
        {
            problems.Add("Email:Acs:Endpoint must be set to the resource's endpoint, such as https://contoso.communication.azure.com.");
        }
        else if (!Endpoint.IsAbsoluteUri || !(Endpoint.Scheme == Uri.UriSchemeHttps || (Endpoint.Scheme == Uri.UriSchemeHttp && Endpoint.IsLoopback)))
        {
            problems.Add($"Email:Acs:Endpoint '{Endpoint}' must be an https address (http only on this machine, for tests).");
        }
        if (!string.IsNullOrEmpty(AccessKey) && !IsBase64(AccessKey))
        {
            problems.Add("Email:Acs:AccessKey is not base64: copy the key itself, not the connection string.");
        }
        return problems;
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written > 0;
    }
}
