namespace SlaFunctions.Webhooks.Signatures;

/// <summary>The secrets one connection's deliveries may be signed with: the current one and, while a rotation is under
/// way, the previous one. Both are accepted until the previous one is removed.</summary>
public sealed record WebhookSecrets
{
    /// <summary>Creates the secrets.</summary>
    /// <param name="current">The secret now configured in the tool; never empty.</param>
    /// <param name="previous">The secret being retired, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="current"/> is empty, or <paramref name="previous"/> is empty
    /// rather than null.</exception>
    public WebhookSecrets(string current, string? previous = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(current);
        if (previous is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(previous);
        }
        Current = current;
        Previous = previous;
    }

    /// <summary>The secret now configured in the tool.</summary>
    public string Current { get; }

    /// <summary>The secret being retired, or null.</summary>
    public string? Previous { get; }

    /// <summary>Hides the secrets, so logging this record leaks nothing.</summary>
    public override string ToString() => Previous is null ? "WebhookSecrets { 1 secret }" : "WebhookSecrets { 2 secrets }";
}
