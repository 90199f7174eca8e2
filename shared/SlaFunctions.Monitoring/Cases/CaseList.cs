namespace SlaFunctions.Monitoring.Cases;

/// <summary>A page of <see cref="CaseSummary"/>; pass <see cref="Continuation"/> back as <c>continuation</c> for the next.</summary>
public sealed record CaseList
{
    /// <summary>The cases.</summary>
    public required IReadOnlyList<CaseSummary> Items { get; init; }

    /// <summary>The next page's token, or null on the last page.</summary>
    public string? Continuation { get; init; }
}
