using NodaTime;

namespace SlaFunctions.Engine.Clocks;

/// <summary>A stretch during which a clock does not count; <see cref="End"/> is null while it lasts.</summary>
internal readonly record struct Pause(Instant Start, Instant? End);
