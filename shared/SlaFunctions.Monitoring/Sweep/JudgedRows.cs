using NodaTime;

namespace SlaFunctions.Monitoring.Sweep;

/// <summary>What judging a batch of due-index rows did.</summary>
/// <param name="Cases">Cases judged (or tried).</param>
/// <param name="Queued">Notices queued as their cases were judged.</param>
/// <param name="FailedAt">The earliest row of a case that failed, or null when none did.</param>
internal sealed record JudgedRows(int Cases, int Queued, Instant? FailedAt);
