namespace SlaFunctions.Board;

/// <summary>The board's filters; null lets everything through. <c>-</c> as the assignee means "no assignee".</summary>
public sealed record BoardFilter(string? Policy, string? Customer, string? Severity, string? Assignee)
{
    /// <summary>The value that stands for "no assignee".</summary>
    public const string Unassigned = "-";

    internal bool Passes(BoardRow row) =>
        (Policy is null || row.Case.PolicyId == Policy)
        && (Customer is null || row.Customer == Customer)
        && (Severity is null || row.Case.Severity == Severity)
        && (Assignee is null || (row.Case.Assignee ?? Unassigned) == Assignee);
}
