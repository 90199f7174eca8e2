using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Webhooks;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>What one webhook delivery says about a case, after its adapter has read it.</summary>
public sealed record IncomingCase
{
    /// <summary>The case (connection from the route, ticket id from the payload).</summary>
    public required CaseKey Key { get; init; }

    /// <summary>The delivery's identity; a redelivery carries the same one.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>Ids under which the same delivery may have been recorded before; any of them in the case makes it a
    /// duplicate too.</summary>
    public IReadOnlyList<string> EarlierDeliveryIds { get; init; } = [];

    /// <summary>When the ticket was created, if the payload says.</summary>
    public Instant? OpenedAt { get; init; }

    /// <summary>The tool's last-modified time for the ticket, if the payload says: a delivery older than the one that
    /// last set the case's fields does not overwrite them.</summary>
    public Instant? UpdatedAt { get; init; }

    /// <summary>The tool's priority as written (mapped to a severity by the connection and the policy's aliases).</summary>
    public string? Priority { get; init; }

    /// <summary>Subject.</summary>
    public string? Title { get; init; }

    /// <summary>Link back to the ticket.</summary>
    public string? Url { get; init; }

    /// <summary>Assignee.</summary>
    public string? Assignee { get; init; }

    /// <summary>Customer contact.</summary>
    public string? Requester { get; init; }

    /// <summary>Channel, e.g. email.</summary>
    public string? Channel { get; init; }

    /// <summary>The events, severity events carrying the tool's raw priority.</summary>
    public IReadOnlyList<CaseEvent> Events { get; init; } = [];

    /// <summary>Things the adapter wants recorded in the history for people (e.g. an unmapped status).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The tool's values the adapter could not map (<c>status: …</c>, <c>priority: …</c>), kept on the case.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>What <paramref name="update"/>, read by its adapter, says about the case <paramref name="key"/>. A
    /// severity the payload names outright wins over its priority.</summary>
    public static IncomingCase From(CaseKey key, CaseUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return new IncomingCase
        {
            Key = key,
            DeliveryId = update.DeliveryId,
            EarlierDeliveryIds = update.EarlierDeliveryIds,
            OpenedAt = update.OpenedAt,
            UpdatedAt = update.UpdatedAt,
            Priority = update.Severity ?? update.Priority,
            Title = update.Title,
            Url = update.Url,
            Assignee = update.Assignee,
            Requester = update.Requester,
            Channel = update.Channel,
            Events = update.Events,
            Notes = update.Notes,
            Unmapped = update.Unmapped,
        };
    }
}
