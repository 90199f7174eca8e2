namespace SlaFunctions.Monitoring.Board;

/// <summary>One open case on the board, judged at the board's <c>asOf</c>.</summary>
public sealed record BoardCase
{
    /// <summary>The connection it came through.</summary>
    public required string Connection { get; init; }

    /// <summary>The ticket's id in the tool.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The policy covering it.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The connection's customer (its name when the connection names none).</summary>
    public required string Customer { get; init; }

    /// <summary>Severity id and name.</summary>
    public string? Severity { get; init; }

    /// <summary>The severity's name in the policy.</summary>
    public string? SeverityName { get; init; }

    /// <summary>open, pending, onHold.</summary>
    public string? Status { get; init; }

    /// <summary>The ticket's values the connection could not map (see the case view); empty when everything mapped.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>Subject.</summary>
    public string? Title { get; init; }

    /// <summary>Link back to the ticket.</summary>
    public string? Url { get; init; }

    /// <summary>Assignee.</summary>
    public string? Assignee { get; init; }

    /// <summary>When it opened, UTC.</summary>
    public required string OpenedAt { get; init; }

    /// <summary><c>breached</c> (some target missed its due), <c>atRisk</c> (a running target is past its first warning
    /// point, the webhooks' <c>atRisk</c>), <c>running</c> (a clock runs towards a due), <c>paused</c>
    /// (clocks wait, e.g. on the customer) or <c>waiting</c> (nothing runs: targets met, not started or stopped).</summary>
    public required string State { get; init; }

    /// <summary>The target the state is about: the one breached longest ago, else the one due first, else a paused one.</summary>
    public string? Target { get; init; }

    /// <summary>That target's due instant (for a breached one, the due it missed).</summary>
    public string? DueAt { get; init; }

    /// <summary>Running or at risk: when the target is (or will be) at risk, its first warning point; null without one.</summary>
    public string? AtRiskAt { get; init; }

    /// <summary>Running: the open time left until <see cref="DueAt"/> at <c>asOf</c>, ISO-8601.</summary>
    public string? Remaining { get; init; }

    /// <summary>Running: true when the target's calendar is open at <c>asOf</c>, so <see cref="Remaining"/> is being used up.</summary>
    public bool? Ticking { get; init; }

    /// <summary>Running: when the calendar next opens (not ticking) or closes (ticking) before the due; null when it
    /// stays as it is until the due.</summary>
    public string? ChangesAt { get; init; }

    /// <summary>Breached: when the due passed.</summary>
    public string? BreachedAt { get; init; }

    /// <summary>Breached: elapsed (wall-clock) time since <see cref="BreachedAt"/>, ISO-8601.</summary>
    public string? LateBy { get; init; }

    /// <summary>Paused: since when.</summary>
    public string? PausedSince { get; init; }

    /// <summary>Paused: why, in words (the status that pauses the clocks).</summary>
    public string? PausedBecause { get; init; }

    /// <summary>When the case's clocks were last evaluated (its last webhook), UTC.</summary>
    public string? EvaluatedAt { get; init; }
}
