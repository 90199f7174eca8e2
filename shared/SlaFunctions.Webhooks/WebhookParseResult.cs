namespace SlaFunctions.Webhooks;

/// <summary>The result of reading one delivery: a case update, a reason to ignore it, or the problems that reject it.</summary>
public sealed class WebhookParseResult
{
    private WebhookParseResult(WebhookOutcome outcome, CaseUpdate? update, string? ignoredBecause, IReadOnlyList<WebhookProblem> problems)
    {
        Outcome = outcome;
        Update = update;
        IgnoredBecause = ignoredBecause;
        Problems = problems;
    }

    /// <summary>Accepted, ignored or rejected.</summary>
    public WebhookOutcome Outcome { get; }

    /// <summary>The update, when <see cref="Outcome"/> is <see cref="WebhookOutcome.Accepted"/>; otherwise null.</summary>
    public CaseUpdate? Update { get; }

    /// <summary>Why the delivery was ignored, when <see cref="Outcome"/> is <see cref="WebhookOutcome.Ignored"/>; otherwise null.</summary>
    public string? IgnoredBecause { get; }

    /// <summary>Every problem found, when <see cref="Outcome"/> is <see cref="WebhookOutcome.Rejected"/>; otherwise empty.</summary>
    public IReadOnlyList<WebhookProblem> Problems { get; }

    /// <summary>A delivery that yields <paramref name="update"/>.</summary>
    public static WebhookParseResult Accepted(CaseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new(WebhookOutcome.Accepted, update, null, []);
    }

    /// <summary>A delivery of an event the SLA does not track.</summary>
    /// <param name="because">Why, in a sentence for the delivery log, e.g. <c>GitHub event 'push' is not tracked</c>.</param>
    public static WebhookParseResult Ignored(string because)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(because);
        return new(WebhookOutcome.Ignored, null, because, []);
    }

    /// <summary>A delivery rejected for <paramref name="problems"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="problems"/> is empty.</exception>
    public static WebhookParseResult Rejected(IEnumerable<WebhookProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var list = problems.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A rejection needs at least one problem.", nameof(problems));
        }
        return new(WebhookOutcome.Rejected, null, null, list);
    }
}
