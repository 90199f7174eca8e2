using NodaTime;

namespace SlaFunctions.Engine.Clocks;

/// <summary>One run of a target's clock and when it ended (met, restarted or stopped); null while it runs.</summary>
/// <param name="Clock">The run.</param>
/// <param name="EndedAt">When it was met, restarted or stopped; null while it runs.</param>
internal sealed record ClockCycle(TargetClock Clock, Instant? EndedAt);
