using SlaFunctions.Monitoring.Problems;

namespace SlaFunctions.Monitoring.Intake;

/// <summary>What <see cref="WebhookIntake.ApplyAsync"/> did with one delivery.</summary>
/// <param name="Outcome">Which of the closed set of answers.</param>
/// <param name="Errors">What cannot be read, for <see cref="IntakeOutcome.Unreadable"/> and
/// <see cref="IntakeOutcome.UnkeyableId"/>; else empty.</param>
/// <param name="Detail">Why the delivery was ignored, or the notes the adapter left on an applied one; may be null.</param>
/// <param name="ExternalId">The ticket's id, once read.</param>
public sealed record IntakeResult(IntakeOutcome Outcome, IReadOnlyList<ProblemError> Errors, string? Detail = null, string? ExternalId = null)
{
    /// <summary>The ticket's values the connection could not map (<c>status: …</c>, <c>priority: …</c>), for the
    /// delivery log; empty for a duplicate.</summary>
    public IReadOnlyList<string> Unmapped { get; init; } = [];

    /// <summary>The word a receipt and the delivery log use: applied, duplicate, unchanged or ignored.</summary>
    public string Word => Outcome switch
    {
        IntakeOutcome.Duplicate => "duplicate",
        IntakeOutcome.Unchanged => "unchanged",
        IntakeOutcome.Ignored => "ignored",
        _ => "applied",
    };
}
