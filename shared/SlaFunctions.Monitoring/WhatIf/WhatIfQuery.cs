using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Monitoring.WhatIf;

/// <summary>A checked what-if request: the draft and the period whose stored cases it replays.</summary>
/// <param name="Draft">The draft policy (all its versions); it stands in for the loaded policy with its id.</param>
/// <param name="From">Cases opened at or after this instant are replayed.</param>
/// <param name="To">Cases opened before this instant are replayed; after <paramref name="From"/>.</param>
public sealed record WhatIfQuery(Policy Draft, Instant From, Instant To);
