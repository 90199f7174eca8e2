namespace SlaFunctions.Notices.Hooks;

/// <summary>What one delivery to a webhook endpoint came to, and for a failure, why and how long the endpoint asked
/// us to wait.</summary>
/// <param name="Outcome">Delivered, transient or refused.</param>
/// <param name="Reason">For a failure, what happened, for logs and the poison list; null when delivered.</param>
/// <param name="RetryAfter">The endpoint's <c>Retry-After</c>, if it sent one.</param>
public sealed record HookResult(HookOutcome Outcome, string? Reason = null, TimeSpan? RetryAfter = null)
{
    /// <summary>The endpoint took it.</summary>
    public static HookResult Delivered { get; } = new(HookOutcome.Delivered);
}
