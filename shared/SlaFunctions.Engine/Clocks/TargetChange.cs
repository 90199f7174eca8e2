using System.Globalization;
using NodaTime;
using SlaFunctions.Engine.Contracts;

namespace SlaFunctions.Engine.Clocks;

/// <summary>A target entering a <see cref="TargetPhase"/> at an instant, within one run of its clock.</summary>
/// <remarks>Identified within its case by <see cref="Key"/>: the target, the run (named by its start, which a late
/// event before it does not change) and the phase entered. Each phase is entered at most once per run, so the same
/// change computed again, by another sweep or after a late webhook moved its instant, has the same key.</remarks>
public sealed record TargetChange
{
    /// <summary>The target's name.</summary>
    public required string Name { get; init; }

    /// <summary>The target as defined by the severity used to judge it.</summary>
    public required Target Target { get; init; }

    /// <summary>The phase left: the one entered by the target's previous change, or
    /// <see cref="TargetPhase.NotStarted"/> for its first.</summary>
    public required TargetPhase From { get; init; }

    /// <summary>The phase entered.</summary>
    public required TargetPhase To { get; init; }

    /// <summary>When it was entered (or, for a change still to come, will be if nothing else happens).</summary>
    public required Instant At { get; init; }

    /// <summary>When the run it belongs to started.</summary>
    public required Instant RunStartedAt { get; init; }

    /// <summary>The run's due instant; null while an open-ended pause leaves it without one.</summary>
    public Instant? DueAt { get; init; }

    /// <summary><c>state/target/runStart/phase</c>, the run's start in Unix seconds
    /// (<c>state/firstResponse/1773046800/breached</c>). Escalation point keys never end in a phase word.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"state/{Name}/{RunStartedAt.ToUnixTimeSeconds()}/{Word(To)}");

    /// <summary>The phase as the outside world writes it: <c>notStarted</c>, <c>running</c>, <c>atRisk</c>,
    /// <c>breached</c>, <c>met</c> or <c>stopped</c>.</summary>
    public static string Word(TargetPhase phase)
    {
        var name = phase.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
