namespace SlaFunctions.Webhooks.Signatures;

/// <summary>The outcome of a signature check: valid (and with which secret), or the problem and what to fix.</summary>
public sealed class SignatureCheck
{
    private SignatureCheck(SignatureProblem? problem, string detail, bool matchedPrevious)
    {
        Problem = problem;
        Detail = detail;
        MatchedPrevious = matchedPrevious;
    }

    /// <summary>True when the delivery is authentic and fresh.</summary>
    public bool IsValid => Problem is null;

    /// <summary>Why it was refused; null when valid.</summary>
    public SignatureProblem? Problem { get; }

    /// <summary>For a refusal, what is wrong and how to fix it, naming the header; safe to return to the sender (it
    /// never contains a secret or the expected signature). Empty when valid.</summary>
    public string Detail { get; }

    /// <summary>True when only <see cref="WebhookSecrets.Previous"/> matched: the sender still uses the old secret,
    /// so rotation is not finished.</summary>
    public bool MatchedPrevious { get; }

    /// <summary>A valid delivery.</summary>
    /// <param name="matchedPrevious">True when only the previous secret matched.</param>
    public static SignatureCheck Valid(bool matchedPrevious = false) => new(null, "", matchedPrevious);

    /// <summary>A refused delivery.</summary>
    public static SignatureCheck Refused(SignatureProblem problem, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        return new(problem, detail, false);
    }
}
