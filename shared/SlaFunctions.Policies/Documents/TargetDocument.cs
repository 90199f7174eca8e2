namespace SlaFunctions.Policies.Documents;

/// <summary>A target as written.</summary>
public sealed record TargetDocument
{
    /// <summary>Duration of open time (<c>4h</c>, <c>PT4H</c>). firstResponse, nextReply, resolution and custom targets need
    /// this or <see cref="BusinessDays"/>.</summary>
    public string? Within { get; init; }

    /// <summary>Whole business days, 1 or more; firstResponse, nextReply and resolution only.</summary>
    public int? BusinessDays { get; init; }

    /// <summary>Update only, required: the cadence as a duration of open time.</summary>
    public string? Every { get; init; }

    /// <summary>Required calendar name (<c>24x7</c> or one of the policy's).</summary>
    public string? Calendar { get; init; }

    /// <summary>Optional: true marks a goal the contract does not promise (the vendor's own reminder or check); it is
    /// shown as internal and never told to the customer.</summary>
    public bool? Internal { get; init; }

    /// <summary>Update only, optional: open time after opening at which the cadence begins.</summary>
    public string? StartAfter { get; init; }

    /// <summary>Update only, optional milestones that end the cadence (<c>eta</c>, <c>workaround</c>).</summary>
    public IReadOnlyList<string> StopOn { get; init; } = [];

    /// <summary>Makes a target of any name other than the standard ones a team target (OLA): the assignee group, as the
    /// ticket tool names it (matched case-insensitively), whose every spell with the case is timed.</summary>
    public string? Team { get; init; }

    /// <summary>Custom only, optional: <c>opened</c> (default), <c>severityRaised</c> or <c>pending</c>.</summary>
    public string? StartOn { get; init; }

    /// <summary>Custom only, optional milestones that meet it; default <c>agentReply</c>.</summary>
    public IReadOnlyList<string> MetBy { get; init; } = [];
}
