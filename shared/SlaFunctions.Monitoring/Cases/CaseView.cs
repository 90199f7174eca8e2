using System.Text.Json.Serialization;
using SlaFunctions.Monitoring.Preview;

namespace SlaFunctions.Monitoring.Cases;

/// <summary>A stored case as the read API writes it: the ticket, its severity and its targets in the preview API's
/// shape, judged now, with its history.</summary>
public sealed record CaseView
{
    /// <summary>The connection it came through.</summary>
    public required string Connection { get; init; }

    /// <summary>The ticket's id in the tool.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The policy covering it.</summary>
    public required string PolicyId { get; init; }

    /// <summary>The policy's name, as a person reads it.</summary>
    public string? PolicyName { get; init; }

    /// <summary>The customer the case is for (the organisation the tool named, or the connection's customer).</summary>
    public string? Customer { get; init; }

    /// <summary>Severity id now.</summary>
    public required string Severity { get; init; }

    /// <summary>Status now.</summary>
    public string? Status { get; init; }

    /// <summary>The ticket's values the connection could not map (<c>status: …</c>, <c>priority: …</c>); empty when
    /// everything mapped. Add them to the connection's Statuses or Priorities to clear them.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>Subject.</summary>
    public string? Title { get; init; }

    /// <summary>Link back to the ticket.</summary>
    public string? Url { get; init; }

    /// <summary>Assignee.</summary>
    public string? Assignee { get; init; }

    /// <summary>When it opened, UTC.</summary>
    public required string OpenedAt { get; init; }

    /// <summary>The instant judged at, UTC.</summary>
    public required string AsOf { get; init; }

    /// <summary>One entry per target of the severity.</summary>
    public required IReadOnlyList<PreviewTarget> Targets { get; init; }

    /// <summary>The events in time order.</summary>
    public required IReadOnlyList<CaseViewEvent> History { get; init; }

    /// <summary>Each notice to each recipient, by when its point came due.</summary>
    [JsonPropertyName("notices")]
    public IReadOnlyList<CaseViewNotice> Notices { get; init; } = [];
}
