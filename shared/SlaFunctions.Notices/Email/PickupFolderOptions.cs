namespace SlaFunctions.Notices.Email;

/// <summary>Settings of <c>Email:Pickup</c>: where <see cref="PickupFolderSender"/> writes.</summary>
public sealed class PickupFolderOptions
{
    /// <summary>The folder for <c>.eml</c> files, relative to the content root unless rooted. Default
    /// <c>.mail/outbox</c>.</summary>
    public string Folder { get; set; } = ".mail/outbox";
}
