using NodaTime;

namespace SlaFunctions.Engine.Clocks;

/// <summary>One run of a target's clock and when it ended; null while it runs.</summary>
/// <param name="Clock">The run.</param>
/// <param name="EndedAt">When it was met, restarted or stopped; null while it runs.</param>
/// <param name="EndedMet">True when the run ended by being met (an update cycle by the reply that starts the next);
/// false when it was stopped without being met (a pending spell that ended without the reply it waited for).</param>
internal sealed record ClockCycle(TargetClock Clock, Instant? EndedAt, bool EndedMet = true);
