using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using Xunit;

namespace SlaFunctions.Engine.Tests.Reference;

/// <summary>The reference on cases worked out by hand, so that a slip in it cannot hide behind the same slip in the
/// engine.</summary>
public sealed class ReferenceClockTests
{
    private static readonly CalendarDescription NewYorkOffice = new(
        "office",
        TestCalendars.NewYork,
        new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday }
            .ToDictionary(d => d, _ => new[] { TestCalendars.Interval("09:00-17:00") }),
        [],
        new Dictionary<LocalDate, OpeningInterval[]>(),
        IsComplement: false,
        IsAlwaysOpen: false);

    [Fact]
    public void FirstResponse_Running_CountsElapsedTimeOn24x7()
    {
        var story = Story(Target("firstResponse", TargetKind.FirstResponse, CalendarDescription.AlwaysOpen, 60), "2026-03-06T10:00:00Z", "2026-03-06T10:30:00Z");

        var status = Reference(story).StateAt(story.AsOf).Single();

        Assert.Equal(new ReferenceTargetStatus("firstResponse", TargetState.Running, At("2026-03-06T10:00:00Z"), At("2026-03-06T11:00:00Z"), null, null, Duration.FromMinutes(30)), status);
    }

    [Fact]
    public void Resolution_OpenedFridayAfternoon_DueMondayAcrossTheSpringForward()
    {
        // Fri 2026-03-06 16:00 EST: one hour left on Friday, one more from Monday 09:00 EDT (13:00Z).
        var story = Story(Target("resolution", TargetKind.Resolution, NewYorkOffice, 120), "2026-03-06T21:00:00Z", "2026-03-07T12:00:00Z");

        var status = Reference(story).StateAt(story.AsOf).Single();

        Assert.Equal(At("2026-03-09T14:00:00Z"), status.DueAt);
        Assert.Equal(Duration.FromMinutes(60), status.Remaining);
    }

    [Fact]
    public void Resolution_InOneBusinessDay_OpenedSaturday_DueTuesdayAtTheOpening()
    {
        // Saturday: the clock starts Monday 09:00 EDT; one business day on is Tuesday 09:00 EDT (13:00Z).
        var story = Story(Target("resolution", TargetKind.Resolution, NewYorkOffice, null, businessDays: 1), "2026-03-07T17:00:00Z", "2026-03-08T12:00:00Z");

        var status = Reference(story).StateAt(story.AsOf).Single();

        Assert.Equal(At("2026-03-10T13:00:00Z"), status.DueAt);
        Assert.Equal(Duration.FromMinutes(480), status.Remaining);
    }

    [Fact]
    public void Resolution_PendingHour_PushesTheDueOutByAnHour()
    {
        var story = Story(Target("resolution", TargetKind.Resolution, CalendarDescription.AlwaysOpen, 240), "2026-03-06T10:00:00Z", "2026-03-06T12:30:00Z",
            new StoryEvent(At("2026-03-06T11:00:00Z"), StoryEventKind.Status, CaseStatus.Pending),
            new StoryEvent(At("2026-03-06T12:00:00Z"), StoryEventKind.Status, CaseStatus.Open));

        var status = Reference(story).StateAt(story.AsOf).Single();

        Assert.Equal(At("2026-03-06T15:00:00Z"), status.DueAt);
        Assert.Equal(Duration.FromMinutes(150), status.Remaining);
    }

    [Fact]
    public void Escalations_HalfwayAndRepeatedBreach_KeyedByTheRunStart()
    {
        var rules = new[]
        {
            new RuleDescription("half", "firstResponse", [], EscalationTriggerKind.Percent, 50, 0, null),
            new RuleDescription("late", "firstResponse", [], EscalationTriggerKind.Breach, 0, 0, 60),
        };
        var replied = Story(Target("firstResponse", TargetKind.FirstResponse, CalendarDescription.AlwaysOpen, 60), "2026-03-06T10:00:00Z", "2026-03-06T12:30:00Z",
            new StoryEvent(At("2026-03-06T12:10:00Z"), StoryEventKind.AgentReply));
        var story = replied with { Policy = replied.Policy with { Rules = rules } };
        var start = At("2026-03-06T10:00:00Z").ToUnixTimeSeconds();

        var points = Reference(story).EscalationsBetween(story.AsOf, story.OpenedAt - Duration.Epsilon, story.AsOf + Duration.FromDays(1));

        Assert.Equal(
            [
                new ReferencePoint($"firstResponse/half/{start}/0", At("2026-03-06T10:30:00Z")),
                new ReferencePoint($"firstResponse/late/{start}/0", At("2026-03-06T11:00:00Z")),
                new ReferencePoint($"firstResponse/late/{start}/1", At("2026-03-06T12:00:00Z")),
            ],
            points);
    }

    [Fact]
    public void NextReply_TwoMessagesThenAReply_OneRunFromTheOldestThenANewOne()
    {
        // First reply 10:00; messages 10:30 and 11:00 wait together until the 12:00 reply; 13:00 starts a new run.
        var story = Story(Target("nextReply", TargetKind.NextReply, CalendarDescription.AlwaysOpen, 60), "2026-03-06T09:00:00Z", "2026-03-06T13:20:00Z",
            new StoryEvent(At("2026-03-06T10:00:00Z"), StoryEventKind.AgentReply),
            new StoryEvent(At("2026-03-06T10:30:00Z"), StoryEventKind.CustomerReply),
            new StoryEvent(At("2026-03-06T11:00:00Z"), StoryEventKind.CustomerReply),
            new StoryEvent(At("2026-03-06T12:00:00Z"), StoryEventKind.AgentReply),
            new StoryEvent(At("2026-03-06T13:00:00Z"), StoryEventKind.CustomerReply));

        var earlier = Reference(story).StateAt(At("2026-03-06T12:30:00Z")).Single();
        var now = Reference(story).StateAt(story.AsOf).Single();

        // 10:30 + 1h = 11:30, answered at 12:00: a late reply is a breach.
        Assert.Equal((TargetState.Breached, At("2026-03-06T10:30:00Z"), At("2026-03-06T11:30:00Z")), (earlier.State, earlier.StartedAt, earlier.BreachedAt));
        Assert.Equal((TargetState.Running, At("2026-03-06T13:00:00Z"), At("2026-03-06T14:00:00Z")), (now.State, now.StartedAt, now.DueAt));
    }

    [Fact]
    public void Team_HandedOnAndBack_EachSpellARunOfItsOwn()
    {
        var levelTwo = Target("levelTwo", TargetKind.Team, CalendarDescription.AlwaysOpen, 120) with { Team = "level-2" };
        var story = Story(levelTwo, "2026-03-06T09:00:00Z", "2026-03-06T14:00:00Z",
            new StoryEvent(At("2026-03-06T09:00:00Z"), StoryEventKind.Group, Group: "Level-2"),
            new StoryEvent(At("2026-03-06T10:00:00Z"), StoryEventKind.Group, Group: "level-1"),
            new StoryEvent(At("2026-03-06T13:00:00Z"), StoryEventKind.Group, Group: "level-2"));

        var earlier = Reference(story).StateAt(At("2026-03-06T11:00:00Z")).Single();
        var now = Reference(story).StateAt(story.AsOf).Single();

        Assert.Equal((TargetState.Met, At("2026-03-06T10:00:00Z")), (earlier.State, earlier.MetAt));
        Assert.Equal((TargetState.Running, At("2026-03-06T13:00:00Z"), At("2026-03-06T15:00:00Z")), (now.State, now.StartedAt, now.DueAt));
    }

    private static ReferenceClock Reference(CaseDescription story) => new(story, ReferenceComparison.WindowFor(story));

    private static TargetDescription Target(string name, TargetKind kind, CalendarDescription calendar, int? minutes, int? businessDays = null) =>
        new(name, kind, calendar, minutes, businessDays, null, [], TargetStart.Opened, []);

    private static CaseDescription Story(TargetDescription target, string opened, string asOf, params StoryEvent[] events) => new(
        new PolicyDescription([NewYorkOffice], [new SeverityDescription("1", null, [target])], [], [CaseStatus.Pending], SeverityChangeRule.FromStart),
        "1",
        At(opened),
        events,
        At(asOf));

    private static Instant At(string text) => Parse.Instant(text);
}
