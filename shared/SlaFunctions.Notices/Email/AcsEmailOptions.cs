namespace SlaFunctions.Notices.Email;

/// <summary>Settings of <c>Email:Acs</c>: an Azure Communication Services resource.</summary>
public sealed class AcsEmailOptions
{
    /// <summary><c>https://&lt;resource&gt;.communication.azure.com</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The resource's access key (base64), for HMAC signing; leave unset in Azure, where the managed identity
    /// signs in instead.</summary>
    public string? AccessKey { get; set; }

    /// <summary>The user-assigned managed identity's client id, when no access key is set.</summary>
    public string? ClientId { get; set; }

    /// <summary>The REST API version.</summary>
    public string ApiVersion { get; set; } = "2025-09-01";
}
