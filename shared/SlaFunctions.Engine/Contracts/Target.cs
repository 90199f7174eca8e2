using NodaTime;
using SlaFunctions.Engine.Calendars;

namespace SlaFunctions.Engine.Contracts;

/// <summary>One promise a severity makes, such as "first response within 4 hours of support time".</summary>
/// <remarks>Immutable. Build with an object initializer; <see cref="Name"/>, <see cref="Kind"/>, <see cref="Calendar"/>
/// and <see cref="Goal"/> are required.</remarks>
public sealed record Target
{
    /// <summary>Standard name of the first-response target.</summary>
    public const string FirstResponseName = "firstResponse";

    /// <summary>Standard name of the update-cadence target.</summary>
    public const string UpdateName = "update";

    /// <summary>Standard name of the next-reply target.</summary>
    public const string NextReplyName = "nextReply";

    /// <summary>Standard name of the resolution target.</summary>
    public const string ResolutionName = "resolution";

    /// <summary>The target's name: <c>firstResponse</c>, <c>update</c>, <c>nextReply</c>, <c>resolution</c>, or a custom name.</summary>
    public required string Name { get; init; }

    /// <summary>What the target measures.</summary>
    public required TargetKind Kind { get; init; }

    /// <summary>The calendar whose open time the goal is measured in.</summary>
    public required BusinessCalendar Calendar { get; init; }

    /// <summary>The goal; for <see cref="TargetKind.Update"/>, the cadence (<c>every</c>).</summary>
    public required Goal Goal { get; init; }

    /// <summary>Update only: open time after opening at which the cadence begins without waiting for a reply; null
    /// means it begins at the first public agent reply.</summary>
    public Duration? StartAfter { get; init; }

    /// <summary>Update only: milestones after which no more updates are owed (e.g. an ETA was given).</summary>
    public IReadOnlySet<Milestone> StopOn { get; init; } = new HashSet<Milestone>();

    /// <summary>Custom only: when the clock starts.</summary>
    public TargetStart StartOn { get; init; } = TargetStart.Opened;

    /// <summary>Milestones any one of which meets the target. Custom targets: empty means a public agent reply.
    /// Resolution: met by solving, and also by any of these (e.g. a workaround, where the contract counts one as a
    /// resolution). Ignored by the other kinds.</summary>
    public IReadOnlySet<Milestone> MetBy { get; init; } = new HashSet<Milestone>();

    /// <summary>Team only: the assignee group whose spells with the case the target times (matched case-insensitively).</summary>
    public string? Team { get; init; }

    /// <summary>True for a goal the vendor keeps for itself (a reminder clock, an internal check) rather than one the
    /// contract promises the customer. Clocks count it like any other; it is labelled internal wherever it is shown, and
    /// no rule may tell the customer of it.</summary>
    public bool Internal { get; init; }
}
