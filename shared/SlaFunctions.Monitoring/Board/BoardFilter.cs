namespace SlaFunctions.Monitoring.Board;

/// <summary>The board's filters; null lets everything through. <c>-</c> as the assignee means "no assignee".
/// <see cref="State"/> (breached, atRisk, running, paused, waiting) is judged at the board's instant, so
/// <see cref="BoardQuery"/> applies it after the others.</summary>
public sealed record BoardFilter(string? Policy, string? Customer, string? Severity, string? Assignee, string? State = null)
{
    /// <summary>The states a case can be in on the board, in the order the summary counts them.</summary>
    public static readonly IReadOnlyList<string> States = ["breached", "atRisk", "running", "paused", "waiting"];

    /// <summary>The value that stands for "no assignee".</summary>
    public const string Unassigned = "-";

    internal bool Passes(BoardRow row) =>
        (Policy is null || row.Case.PolicyId == Policy)
        && (Customer is null || row.Customer == Customer)
        && (Severity is null || row.Case.Severity == Severity)
        && (Assignee is null || (row.Case.Assignee ?? Unassigned) == Assignee);
}
