using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using Xunit;
using static SlaFunctions.Engine.Tests.Clocks.CaseEvents;
using static SlaFunctions.Engine.Tests.TestPolicies;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>Case clocks judged at an instant (spec: Targets). Unless a test says otherwise the case is opened on
/// Monday 2026-03-02 09:00 UTC under <see cref="TestPolicies.Standard"/>, whose targets count 09:00-17:00 UTC, Mon-Fri.</summary>
public sealed partial class CaseClockTests
{
    // Monday 09:00 UTC, the opening of the support calendar.
    private const string MondayNine = "2026-03-02T09:00:00Z";

    [Fact]
    public void StateAt_Opened_EveryTargetOfTheSeverityInPolicyOrder()
    {
        var state = Case(Standard, "2", MondayNine).StateAt(Parse.Instant("2026-03-02T10:00:00Z"));

        Assert.Equal("2", state.Severity.Id);
        Assert.Equal([Target.FirstResponseName, Target.UpdateName, Target.ResolutionName], state.Targets.Select(t => t.Name));
        Assert.Equal(
            [TargetState.Running, TargetState.NotStarted, TargetState.Running],
            state.Targets.Select(t => t.State));
        Assert.Equal(Parse.Instant("2026-03-02T10:00:00Z"), state.AsOf);
    }

    [Fact]
    public void StateAt_SeverityAlias_ResolvesToTheSeverity()
    {
        Assert.Equal("1", Case(Standard, "urgent", MondayNine).StateAt(Parse.Instant("2026-03-02T10:00:00Z")).Severity.Id);
        Assert.Equal("1", Case(Standard, "URGENT", MondayNine).StateAt(Parse.Instant("2026-03-02T10:00:00Z")).Severity.Id);
    }

    [Fact]
    public void StateAt_UnknownSeverity_Throws()
    {
        Assert.Throws<ArgumentException>(() => Case(Standard, "9", MondayNine).StateAt(Parse.Instant("2026-03-02T10:00:00Z")));
    }

    [Fact]
    public void StateAt_EventsAfterAsOf_Ignored()
    {
        var clock = Case(Standard, "3", MondayNine, Reply("2026-03-02T12:00:00Z"), Severity("2026-03-02T11:30:00Z", "1"));

        var before = View(clock, "2026-03-02T11:00:00Z", Target.FirstResponseName);

        Assert.Equal(new TargetView(TargetState.Running, Parse.Instant(MondayNine), Parse.Instant("2026-03-02T13:00:00Z"), null, null, Parse.Duration("2h"), null), before);
    }

    /// <summary>Everything the spec lets a caller see of one target, for exact comparison.</summary>
    internal sealed record TargetView(
        TargetState State,
        Instant? StartedAt,
        Instant? DueAt,
        Instant? MetAt,
        Instant? BreachedAt,
        Duration? Remaining,
        Instant? PausedSince)
    {
        public static TargetView Of(TargetStatus status) =>
            new(status.State, status.StartedAt, status.DueAt, status.MetAt, status.BreachedAt, status.Remaining, status.PausedSince);
    }

    private static TargetStatus TargetOf(CaseClock clock, string asOf, string target) =>
        clock.StateAt(Parse.Instant(asOf)).Targets.Single(t => t.Name == target);

    private static TargetView View(CaseClock clock, string asOf, string target) => TargetView.Of(TargetOf(clock, asOf, target));

    private static Instant? At(string? text) => text is null ? null : Parse.Instant(text);

    private static Duration? Left(string? text) => text is null ? null : Parse.Duration(text);
}
