namespace SlaFunctions.Monitoring.Intake;

/// <summary>The answer to <c>GET /api/connections/{connection}/deliveries</c>: a connection's last deliveries.</summary>
public sealed record ConnectionDeliveries
{
    /// <summary>The connection, as configured.</summary>
    public required string Connection { get; init; }

    /// <summary>The ticket tool, e.g. <c>zendesk</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The most deliveries kept per connection.</summary>
    public required int Kept { get; init; }

    /// <summary>The deliveries kept, newest first.</summary>
    public required IReadOnlyList<ConnectionDelivery> Deliveries { get; init; }
}

/// <summary>One delivery as the webhook endpoint answered it.</summary>
public sealed record ConnectionDelivery
{
    /// <summary>When it was received (ISO-8601 UTC).</summary>
    public required string At { get; init; }

    /// <summary>applied, duplicate, unchanged, ignored or refused.</summary>
    public required string Outcome { get; init; }

    /// <summary>The HTTP status answered.</summary>
    public required int Status { get; init; }

    /// <summary>Why it was ignored or refused, or the notes an applied delivery left on its case; null when none.</summary>
    public string? Reason { get; init; }

    /// <summary>The ticket's id, when one was read.</summary>
    public string? ExternalId { get; init; }
}
