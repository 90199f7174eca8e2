namespace SlaFunctions.Monitoring.Cases;

/// <summary>One case in a listing: enough for a board row, from the case row alone.</summary>
public sealed record CaseSummary
{
    /// <summary>The connection it came through.</summary>
    public required string Connection { get; init; }

    /// <summary>The ticket's id in the tool.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The policy covering it.</summary>
    public required string PolicyId { get; init; }

    /// <summary>Severity id as last judged.</summary>
    public string? Severity { get; init; }

    /// <summary>Status.</summary>
    public string? Status { get; init; }

    /// <summary>Subject.</summary>
    public string? Title { get; init; }

    /// <summary>Link back to the ticket.</summary>
    public string? Url { get; init; }

    /// <summary>Assignee.</summary>
    public string? Assignee { get; init; }

    /// <summary>The earliest due among running targets, UTC.</summary>
    public string? NextDueAt { get; init; }

    /// <summary>True when a target is breached (or the next due has passed since it was judged).</summary>
    public required bool Breached { get; init; }
}
