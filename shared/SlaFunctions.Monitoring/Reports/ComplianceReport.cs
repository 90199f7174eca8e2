namespace SlaFunctions.Monitoring.Reports;

/// <summary>How well each policy's targets were kept for the cases opened in <c>[from, to)</c>, judged at <c>asOf</c>.</summary>
public sealed record ComplianceReport
{
    /// <summary>Cases opened at or after this instant count, UTC.</summary>
    public required string From { get; init; }

    /// <summary>Cases opened before this instant count, UTC.</summary>
    public required string To { get; init; }

    /// <summary>The instant every counted case is judged at (the server's now), UTC.</summary>
    public required string AsOf { get; init; }

    /// <summary>The policy asked for, or null for all.</summary>
    public string? Policy { get; init; }

    /// <summary>severity, customer or target.</summary>
    public required string GroupBy { get; init; }

    /// <summary>Cases counted.</summary>
    public required int Cases { get; init; }

    /// <summary>Cases in the window whose policy is not loaded, so they cannot be judged.</summary>
    public required int Skipped { get; init; }

    /// <summary>One row per policy, group and target, sorted by policy, group and the policy's target order.</summary>
    public required IReadOnlyList<ComplianceRow> Rows { get; init; }

    /// <summary>One row per policy and assignee group: the open time it held the cases and its team targets' outcomes.</summary>
    public IReadOnlyList<ComplianceTeamRow> Teams { get; init; } = [];
}
