namespace SlaFunctions.Monitoring.Sweep;

/// <summary>What one sweep did.</summary>
/// <param name="Cases">Cases judged.</param>
/// <param name="Notices">Notices put on the queue (new, held ones come due, and unacknowledged ones sent again).</param>
public sealed record SweepReport(int Cases, int Notices);
