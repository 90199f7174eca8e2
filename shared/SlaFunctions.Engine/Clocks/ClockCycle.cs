using NodaTime;

namespace SlaFunctions.Engine.Clocks;

/// <summary>One run of a target's clock and when it ended; null while it runs.</summary>
/// <param name="Clock">The run.</param>
/// <param name="EndedAt">When it was met, stopped or replaced; null while it runs.</param>
/// <param name="Ending">How it ended, when it did.</param>
internal sealed record ClockCycle(TargetClock Clock, Instant? EndedAt, RunEnding Ending = RunEnding.Met);

/// <summary>How a run of a target's clock ended.</summary>
internal enum RunEnding
{
    /// <summary>Met: by the reply or milestone it waited for (an update cycle by the reply that starts the next).</summary>
    Met,

    /// <summary>Stopped without being met (a pending spell that ended without the reply it waited for, a solve);
    /// breached if its due came at or before the stop.</summary>
    Stopped,

    /// <summary>Replaced by a new run when a severity change restarted the clock (<c>restart</c>, <c>carryOver</c>);
    /// breached only if its due passed before the change.</summary>
    Replaced,
}
