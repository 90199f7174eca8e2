using System.Text.Json.Serialization;
using SlaFunctions.Monitoring.Problems;

namespace SlaFunctions.Problems;

/// <summary>An RFC 9457 problem body (<c>application/problem+json</c>), with an <c>errors</c> list for validation.</summary>
public sealed record ProblemDocument
{
    /// <summary>A URI naming the kind of problem.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "about:blank";

    /// <summary>Short summary of the kind of problem.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The HTTP status.</summary>
    [JsonPropertyName("status")]
    public required int Status { get; init; }

    /// <summary>What to fix, in a sentence or two.</summary>
    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    /// <summary>One entry per bad field, when the problem is validation.</summary>
    [JsonPropertyName("errors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProblemError>? Errors { get; init; }
}
