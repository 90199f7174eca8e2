using System.Text.Json.Nodes;

namespace SlaFunctions.Monitoring.Examples;

/// <summary>One worked example of a policy: a case as a preview request, and the part of the preview response it must
/// give.</summary>
public sealed record PolicyExample
{
    /// <summary>What the example shows, named after the seed line it checks.</summary>
    public required string Name { get; init; }

    /// <summary>Where it is in its file, e.g. <c>examples[3]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The preview request: <c>severity</c>, <c>openedAt</c>, <c>asOf</c>, optional <c>channel</c> and
    /// <c>events</c>, exactly as <c>POST /api/sla/preview</c> takes them.</summary>
    public required JsonObject Request { get; init; }

    /// <summary>What the response must hold: <c>severity</c>, <c>targets</c> (by name: fields to match, or null for
    /// "no such target"), <c>escalations</c> (each must match one point, or with <c>absent: true</c> none) and <c>noEscalation</c> (rules with no point).</summary>
    public required JsonObject Expect { get; init; }
}
