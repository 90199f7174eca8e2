namespace SlaFunctions.Monitoring.Sending;

/// <summary>The body of <c>GET /api/notices/poison</c>.</summary>
public sealed record PoisonList
{
    /// <summary>The notices set aside, oldest first.</summary>
    public required IReadOnlyList<PoisonListEntry> Notices { get; init; }
}
