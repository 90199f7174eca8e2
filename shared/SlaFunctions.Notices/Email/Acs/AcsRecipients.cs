namespace SlaFunctions.Notices.Email.Acs;

/// <summary>The <c>recipients</c> of a send: only <c>to</c>, one address per message.</summary>
internal sealed record AcsRecipients(IReadOnlyList<AcsAddress> To);
