using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using Xunit;

namespace SlaFunctions.Engine.Tests.Clocks;

/// <summary>Target changes over random histories: each is identified once, each target's changes chain, and delivery
/// order does not matter.</summary>
public sealed partial class CaseClockProperties
{
    [Property(MaxTest = 150)]
    public Property ChangesBetween_EachKeyOnce_EachFromIsTheTargetsPreviousTo() => Prop.ForAll(Stories, story =>
    {
        var clock = new CaseClock(story.Policy, new CaseHistory(story.Opened, story.Severity, story.Events));

        var changes = Changes(clock, story);

        Assert.Equal(changes.Count, changes.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count());
        foreach (var target in changes.GroupBy(c => c.Name))
        {
            var previous = TargetPhase.NotStarted;
            foreach (var change in target)
            {
                Assert.Equal(previous, change.From);
                Assert.NotEqual(TargetPhase.NotStarted, change.To);
                previous = change.To;
            }
        }
    });

    [Property(MaxTest = 150)]
    public Property ChangesBetween_ShuffledDelivery_SameAsInOrder() => Prop.ForAll(Stories, story =>
    {
        var inOrder = new CaseClock(story.Policy, new CaseHistory(story.Opened, story.Severity, story.Events));
        var shuffled = new CaseClock(story.Policy, new CaseHistory(story.Opened, story.Severity, story.Shuffled));

        Assert.Equal(Changes(inOrder, story).Select(c => (c.Key, c.At, c.From)), Changes(shuffled, story).Select(c => (c.Key, c.At, c.From)));
    });

    [Property(MaxTest = 150)]
    public Property ChangesBetween_ShorterWindow_SameAsTheLongerOneCutAtItsEnd() => Prop.ForAll(Stories, story =>
    {
        // The sweep takes the changes up to now from the list judged up to the look-ahead: the window's end may only cut.
        var clock = new CaseClock(story.Policy, new CaseHistory(story.Opened, story.Severity, story.Events));
        var state = clock.StateAt(story.AsOf);

        var shorter = clock.ChangesBetween(state, story.Opened - Duration.FromSeconds(1), story.AsOf);

        Assert.Equal(Changes(clock, story).Where(c => c.At <= story.AsOf), shorter);
    });

    private static List<TargetChange> Changes(CaseClock clock, Story story) =>
        [.. clock.ChangesBetween(clock.StateAt(story.AsOf), story.Opened - Duration.FromSeconds(1), story.AsOf + Duration.FromDays(14))];
}
