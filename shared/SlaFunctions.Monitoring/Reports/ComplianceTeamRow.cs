namespace SlaFunctions.Monitoring.Reports;

/// <summary>One assignee group (team) of one policy in a compliance report: the open time it held the counted cases,
/// and its team targets' outcomes.</summary>
public sealed record ComplianceTeamRow
{
    /// <summary>The policy.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The assignee group, spelled as first seen (matched case-insensitively).</summary>
    public required string Group { get; init; }

    /// <summary>Counted cases the group held at some time up to the report's as-of instant.</summary>
    public required int Cases { get; init; }

    /// <summary>Open time of each case's resolution calendar (elapsed time when it has no resolution target) during
    /// which the group held the case and the case was neither solved, closed nor in a pausing status, ISO-8601.</summary>
    public required string HeldOpenTime { get; init; }

    /// <summary>Team targets of this group met on time (one per case that has the target).</summary>
    public required int Met { get; init; }

    /// <summary>Team targets of this group breached (including met late).</summary>
    public required int Breached { get; init; }

    /// <summary>Team targets of this group started but not decided yet (running, paused or stopped).</summary>
    public required int Pending { get; init; }
}
