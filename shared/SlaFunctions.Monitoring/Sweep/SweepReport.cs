namespace SlaFunctions.Monitoring.Sweep;

/// <summary>What one sweep, or one slice of it, did.</summary>
/// <param name="Cases">Cases found due (judged, or put in slices).</param>
/// <param name="Notices">Notices put on the queue (new, held ones come due, and unacknowledged ones sent again).</param>
/// <param name="Slices">Slices queued for the slice workers (new, and not done within the lease).</param>
public sealed record SweepReport(int Cases, int Notices, int Slices = 0);
