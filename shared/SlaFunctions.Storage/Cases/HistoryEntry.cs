using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Storage.Cases;

/// <summary>One event in a case's append-only history, as stored: the engine event plus where it came from.</summary>
public sealed record HistoryEntry
{
    /// <summary>The event, placed by its own timestamp.</summary>
    public required CaseEvent Event { get; init; }

    /// <summary>The delivery that brought it (the tool's delivery id, or a hash of the body).</summary>
    public required string DeliveryId { get; init; }

    /// <summary>When it was received.</summary>
    public required Instant ReceivedAt { get; init; }

    /// <summary>A note for people reading the history, e.g. "priority 'P9' maps to no severity; used the default 4".</summary>
    public string? Note { get; init; }
}
