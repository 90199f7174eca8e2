namespace SlaFunctions.Notices.Email;

/// <summary>Settings of <c>Email:Pickup</c>.</summary>
public sealed class PickupOptions
{
    /// <summary>The folder the <c>.eml</c> files go to; relative paths are from the app's content root.</summary>
    public string Folder { get; set; } = ".mail/outbox";
}
