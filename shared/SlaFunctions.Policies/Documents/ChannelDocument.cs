namespace SlaFunctions.Policies.Documents;

/// <summary>Settings for tickets that arrive through one channel (e.g. email).</summary>
public sealed record ChannelDocument
{
    /// <summary>Optional severity id or alias a ticket from this channel starts with when it names none.</summary>
    public string? DefaultSeverity { get; init; }
}
