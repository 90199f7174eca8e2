namespace SlaFunctions.Monitoring.Board;

/// <summary>The distinct values of the board's filters among open cases.</summary>
public sealed record BoardFacets
{
    /// <summary>Policy ids.</summary>
    public required IReadOnlyList<string> Policies { get; init; }

    /// <summary>Customers.</summary>
    public required IReadOnlyList<string> Customers { get; init; }

    /// <summary>Severity ids.</summary>
    public required IReadOnlyList<string> Severities { get; init; }

    /// <summary>Assignees (cases without one are filtered with <c>assignee=-</c>).</summary>
    public required IReadOnlyList<string> Assignees { get; init; }
}
