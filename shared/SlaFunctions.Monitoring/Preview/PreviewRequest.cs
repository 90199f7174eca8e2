using System.Text.Json.Nodes;
using NodaTime;

namespace SlaFunctions.Monitoring.Preview;

/// <summary>A preview request after reading: exactly one of <see cref="Policy"/> and <see cref="PolicyId"/>.</summary>
public sealed record PreviewRequest
{
    /// <summary>An inline policy document, or null.</summary>
    public JsonNode? Policy { get; init; }

    /// <summary>A loaded policy's id, or null.</summary>
    public string? PolicyId { get; init; }

    /// <summary>Severity id or alias; null only when <see cref="Channel"/> names a channel with a default.</summary>
    public string? Severity { get; init; }

    /// <summary>Optional channel (e.g. <c>email</c>) whose default severity applies when none is given.</summary>
    public string? Channel { get; init; }

    /// <summary>When the case opened.</summary>
    public required Instant OpenedAt { get; init; }

    /// <summary>The instant to judge at; null means the server's clock.</summary>
    public Instant? AsOf { get; init; }

    /// <summary>The events in the order given.</summary>
    public IReadOnlyList<PreviewEvent> Events { get; init; } = [];
}
