using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Clocks;

/// <summary>A case's SLA as of an instant: its severity and each of that severity's targets.</summary>
public sealed record CaseState
{
    /// <summary>The instant the state describes.</summary>
    public required Instant AsOf { get; init; }

    /// <summary>The severity in force at <see cref="AsOf"/>.</summary>
    public required Severity Severity { get; init; }

    /// <summary>One status per target of <see cref="Severity"/>, in policy order.</summary>
    public required IReadOnlyList<TargetStatus> Targets { get; init; }

    /// <summary>The history as read for <see cref="AsOf"/>, kept so escalation points need not read it again.</summary>
    internal CaseTimeline Timeline { get; init; } = null!;
}
