using NodaTime;
using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>What the reference says about one target at an instant, in the fields the preview API shows.</summary>
internal sealed record ReferenceTargetStatus(
    string Name,
    TargetState State,
    Instant? StartedAt,
    Instant? DueAt,
    Instant? MetAt,
    Instant? BreachedAt,
    Duration? Remaining)
{
    /// <summary>The same fields of an engine answer.</summary>
    public static ReferenceTargetStatus Of(TargetStatus engine) =>
        new(engine.Name, engine.State, engine.StartedAt, engine.DueAt, engine.MetAt, engine.BreachedAt, engine.Remaining);
}

/// <summary>One run of a target's clock as the reference judged it: its final clock (frozen or recomputed) and when
/// it ended (met, stopped, or the next update cycle began); null while it runs.</summary>
internal sealed record ReferenceRun(string Target, RunClock Clock, Instant? EndedAt);

/// <summary>One escalation point: its key and instant.</summary>
internal sealed record ReferencePoint(string Key, Instant At);
