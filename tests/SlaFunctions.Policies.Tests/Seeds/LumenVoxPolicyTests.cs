using NodaTime;
using SlaFunctions.Engine.Clocks;
using Xunit;
using static SlaFunctions.Policies.Tests.Seeds.SeedPolicies;

namespace SlaFunctions.Policies.Tests.Seeds;

/// <summary>policies/lumenvox.yaml against the LumenVox seed: "1 hours / 4 hours / 8 Hours (Within one business day) /
/// 24 Hours (Within three business days), 8am – 1am GMT M-F", and a workaround reducing P1 or P2 to P3.</summary>
public sealed class LumenVoxPolicyTests
{
    // Europe/London springs forward to BST on 2026-03-29; the seed says GMT, and Etc/GMT never shifts.
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    // A Tuesday in support hours. (2026-03-06 is a Friday: the weekend 03-07/08 has no support hours, and Monday
    // 00:00-01:00 is closed because Sunday has no interval to run into it.)
    private const string Opened = "2026-03-10T10:00:00Z";

    [Fact]
    public void FirstResponse_Severity2OpenedFriday2330Gmt_DueMonday1030()
    {
        // "2 - Major | 4 hours 8am – 1am GMT M-F": Friday's 08:00-01:00 gives 1.5 h until Saturday 01:00,
        // and Monday from 08:00 gives the other 2.5 h.
        var state = Case(LumenVox, "2", "2026-03-06T23:30:00Z").StateAt("2026-03-06T23:30:00Z");

        var firstResponse = state.Target("firstResponse");
        Assert.Equal(TargetState.Running, firstResponse.State);
        Assert.Equal(At("2026-03-09T10:30:00Z"), firstResponse.DueAt);
    }

    [Theory]
    [InlineData("1", "2026-03-10T10:00:00Z", "2026-03-10T11:00:00Z")] // Tue 10:00, in hours: 1 h
    [InlineData("1", "2026-03-10T00:30:00Z", "2026-03-10T08:30:00Z")] // Tue 00:30 is Monday's 08:00-01:00: 30 min, then 30 min from 08:00
    [InlineData("1", "2026-03-10T00:00:00Z", "2026-03-10T01:00:00Z")] // goal used up exactly at 01:00 closing is due at closing
    [InlineData("1", "2026-03-10T03:00:00Z", "2026-03-10T09:00:00Z")] // Tue 03:00 is closed: counting starts at 08:00
    [InlineData("1", "2026-03-09T00:30:00Z", "2026-03-09T09:00:00Z")] // Mon 00:30 is closed: Sunday has no 08:00-01:00
    [InlineData("1", "2026-03-07T00:30:00Z", "2026-03-09T08:30:00Z")] // Sat 00:30 is still Friday's interval: 30 min, then 30 min Monday
    [InlineData("1", "2026-03-07T12:00:00Z", "2026-03-09T09:00:00Z")] // Saturday noon: nothing until Monday 08:00
    [InlineData("2", "2026-03-11T10:00:00Z", "2026-03-11T14:00:00Z")] // Wed 10:00, in hours: 4 h
    [InlineData("2", "2026-03-11T22:00:00Z", "2026-03-12T09:00:00Z")] // Wed 22:00: 3 h to Thu 01:00, 1 h from Thu 08:00
    [InlineData("3", "2026-03-10T10:00:00Z", "2026-03-10T18:00:00Z")] // "8 Hours": Tue 10:00 plus 8 support hours
    [InlineData("3", "2026-03-06T10:00:00Z", "2026-03-06T18:00:00Z")] // Friday in hours: the same day
    [InlineData("3", "2026-03-10T03:00:00Z", "2026-03-10T16:00:00Z")] // opened while closed: counted from the 08:00 opening
    [InlineData("4", "2026-03-12T10:00:00Z", "2026-03-13T17:00:00Z")] // "24 Hours": 15 h to Fri 01:00, 9 h from Fri 08:00
    [InlineData("4", "2026-03-06T23:30:00Z", "2026-03-10T13:30:00Z")] // Fri 23:30: 1.5 h, Mon 08:00-Tue 01:00 17 h, Tue 08:00 + 5.5 h
    [InlineData("4", "2026-03-07T12:00:00Z", "2026-03-10T15:00:00Z")] // Saturday noon: Mon 08:00-Tue 01:00 17 h, Tue 08:00 + 7 h
    public void FirstResponse_EachSeverity_DueInSupportHours(string severity, string openedAt, string due)
    {
        var state = Case(LumenVox, severity, openedAt).StateAt(openedAt);

        Assert.Equal(At(due), state.Target("firstResponse").DueAt);
    }

    [Fact]
    public void FirstResponse_AfterUkClocksGoForward_StillOpensAt0800Gmt()
    {
        // Monday 07:30 GMT, the day after London springs forward: 08:30 in London, but the seed's hours are GMT, so
        // the desk is still closed and the hour runs 08:00-09:00 GMT.
        Assert.Equal(Offset.FromHours(1), London.GetUtcOffset(At("2026-03-30T07:30:00Z")));
        var state = Case(LumenVox, "1", "2026-03-30T07:30:00Z").StateAt("2026-03-30T07:30:00Z");

        Assert.Equal(At("2026-03-30T09:00:00Z"), state.Target("firstResponse").DueAt);
    }

    [Fact]
    public void FirstResponse_ChristmasDayFriday_IsAnOrdinarySupportDay()
    {
        // The seed lists no holidays, so Friday 2026-12-25 has its 08:00-01:00 like any Friday.
        var state = Case(LumenVox, "2", "2026-12-25T10:00:00Z").StateAt("2026-12-25T10:00:00Z");

        Assert.Equal(At("2026-12-25T14:00:00Z"), state.Target("firstResponse").DueAt);
    }

    [Fact]
    public void FirstResponse_ReplyWithinTheHour_Met()
    {
        var state = Case(LumenVox, "1", Opened, Reply("2026-03-10T10:40:00Z")).StateAt("2026-03-10T12:00:00Z");

        var firstResponse = state.Target("firstResponse");
        Assert.Equal(TargetState.Met, firstResponse.State);
        Assert.Equal(At("2026-03-10T10:40:00Z"), firstResponse.MetAt);
        Assert.Equal(At("2026-03-10T11:00:00Z"), firstResponse.DueAt);
    }

    [Fact]
    public void FirstResponse_MinorCase_BreachesAtTheHeadline8SupportHours()
    {
        // "8 Hours (Within one business day)": 8 support hours from Tue 10:00 is 18:00, warned at 75% (16:00).
        var clock = Case(LumenVox, "3", Opened);

        var warning = Assert.Single(clock.Points("first-response-warning", Opened, Opened, "2026-03-12T00:00:00Z"));
        var breach = Assert.Single(clock.Points("first-response-breach", Opened, Opened, "2026-03-12T00:00:00Z"));
        Assert.Equal(At("2026-03-10T16:00:00Z"), warning.At);
        Assert.Equal(["assignee"], warning.Told());
        Assert.Equal(At("2026-03-10T18:00:00Z"), breach.At);
        Assert.Equal(["assignee", "supportManagement"], breach.Told());
    }

    [Fact]
    public void FirstResponse_OtherCase_BreachesAtTheHeadline24SupportHours()
    {
        // "24 Hours (Within three business days)": Thu 10:00 to Fri 01:00 is 15 h, Fri 08:00 + 9 h is 17:00; the
        // warning at 18 h is Fri 11:00.
        const string thursday = "2026-03-12T10:00:00Z";
        var clock = Case(LumenVox, "4", thursday);

        var warning = Assert.Single(clock.Points("first-response-warning", thursday, thursday, "2026-03-18T00:00:00Z"));
        var breach = Assert.Single(clock.Points("first-response-breach", thursday, thursday, "2026-03-18T00:00:00Z"));
        Assert.Equal(At("2026-03-13T11:00:00Z"), warning.At);
        Assert.Equal(At("2026-03-13T17:00:00Z"), breach.At);
    }

    [Fact]
    public void Update_CriticalRepliedFridayNight_DueFourHoursLaterRoundTheClock()
    {
        // "Progress Update: every 4 hours", worked "Continuously": the cadence ignores support hours.
        var state = Case(LumenVox, "1", "2026-03-06T22:00:00Z", Reply("2026-03-06T22:30:00Z")).StateAt("2026-03-06T23:00:00Z");

        var update = state.Target("update");
        Assert.Equal(TargetState.Running, update.State);
        Assert.Equal(At("2026-03-06T22:30:00Z"), update.StartedAt);
        Assert.Equal(At("2026-03-07T02:30:00Z"), update.DueAt);
    }

    [Theory]
    [InlineData("2026-03-10T10:00:00Z", "2026-03-11T10:00:00Z")] // Tue 10:00: 15 h to Wed 01:00, 2 h from Wed 08:00
    [InlineData("2026-03-06T10:00:00Z", "2026-03-09T10:00:00Z")] // Fri 10:00: 15 h to Sat 01:00, 2 h from Mon 08:00
    public void Update_MajorDaily_DueOneSupportDayAfterTheReply(string reply, string due)
    {
        // "Progress Update: Daily", chosen as 17 h of support time, one whole 08:00-01:00 day.
        var state = Case(LumenVox, "2", reply, Reply(reply)).StateAt(reply);

        Assert.Equal(At(due), state.Target("update").DueAt);
    }

    [Fact]
    public void Resolution_CriticalOpenedFriday2330_Due24HoursLaterOnSaturday()
    {
        // "Resolution target time: 24 hours", worked continuously, so on 24x7.
        var state = Case(LumenVox, "1", "2026-03-06T23:30:00Z").StateAt("2026-03-06T23:30:00Z");

        Assert.Equal(At("2026-03-07T23:30:00Z"), state.Target("resolution").DueAt);
    }

    [Theory]
    [InlineData("2026-03-09T08:00:00Z", "2026-03-11T22:00:00Z")] // Mon 08:00: 17 h Mon, 17 h Tue, 14 h Wed
    [InlineData("2026-03-06T10:00:00Z", "2026-03-11T00:00:00Z")] // Fri 10:00: 15 h Fri, 17 h Mon, 16 h into Tuesday's 08:00-01:00
    public void Resolution_Major_Due48SupportHoursAfterOpening(string openedAt, string due)
    {
        // "Resolution target time: 48 hours", during "LumenVox' normal business hours".
        var state = Case(LumenVox, "2", openedAt).StateAt(openedAt);

        Assert.Equal(At(due), state.Target("resolution").DueAt);
    }

    [Fact]
    public void Workaround_CriticalAfterFirstReply_ReducedToMinorWithFirstResponseStillMet()
    {
        // "Any error which was originally reported as P1 or P2 but has been temporarily solved with a work-around will
        // be reduced to P3". Minor has no update cadence and no resolution target, so only firstResponse is left.
        var clock = Case(LumenVox, "1", Opened, Reply("2026-03-10T10:20:00Z"), Workaround("2026-03-10T12:00:00Z"));

        var state = clock.StateAt("2026-03-10T13:00:00Z");

        Assert.Equal("3", state.Severity.Id);
        Assert.Equal(["firstResponse"], state.Targets.Select(t => t.Name));
        var firstResponse = state.Target("firstResponse");
        Assert.Equal(TargetState.Met, firstResponse.State);
        Assert.Equal(At("2026-03-10T10:20:00Z"), firstResponse.MetAt);
        Assert.Equal(At("2026-03-10T11:00:00Z"), firstResponse.DueAt); // judged by the Critical hour it was met under
    }

    [Fact]
    public void Workaround_CriticalBeforeFirstReply_FirstResponseRecomputedAsEightSupportHoursFromOpening()
    {
        // The workaround comes before the Critical hour runs out, so the unmet target takes Minor's 8 hours from the
        // original start: Tue 10:00 plus 8 support hours.
        var clock = Case(LumenVox, "1", Opened, Workaround("2026-03-10T10:30:00Z"));

        var firstResponse = clock.StateAt("2026-03-10T11:30:00Z").Target("firstResponse");

        Assert.Equal(TargetState.Running, firstResponse.State); // the Critical hour would have run out at 11:00
        Assert.Equal(At(Opened), firstResponse.StartedAt);
        Assert.Equal(At("2026-03-10T18:00:00Z"), firstResponse.DueAt);
    }

    [Fact]
    public void Workaround_MajorOpenedFriday2330_FirstResponseDueMonday1430()
    {
        // Major was due Monday 10:30; as Minor it is 8 support hours from Friday 23:30: 1.5 h Friday, 6.5 h Monday.
        var clock = Case(LumenVox, "2", "2026-03-06T23:30:00Z", Workaround("2026-03-09T09:00:00Z"));

        var state = clock.StateAt("2026-03-09T09:00:00Z");

        Assert.Equal("3", state.Severity.Id);
        Assert.Equal(At("2026-03-09T14:30:00Z"), state.Target("firstResponse").DueAt);
    }

    [Fact]
    public void Workaround_AfterTheCriticalDeadline_StaysBreachedAtTheCriticalDue()
    {
        // The Critical hour ran out Tue 11:00, long before the Thursday workaround that lowers the case to Minor: a
        // breach stays a breach, at the due it missed (spec: What happened stays).
        var clock = Case(LumenVox, "1", Opened, Workaround("2026-03-12T12:00:00Z"));

        var firstResponse = clock.StateAt("2026-03-12T12:00:00Z").Target("firstResponse");

        Assert.Equal(TargetState.Breached, firstResponse.State);
        Assert.Equal(At("2026-03-10T11:00:00Z"), firstResponse.BreachedAt);
    }

    [Fact]
    public void Workaround_Critical_NoMoreUpdateOrResolutionEscalations()
    {
        const string until = "2026-03-13T10:00:00Z";
        var reply = Reply("2026-03-10T10:20:00Z");
        var without = Case(LumenVox, "1", Opened, reply);
        var with = Case(LumenVox, "1", Opened, reply, Workaround("2026-03-10T12:00:00Z"));

        // Without it, the 24-hour resolution warns at 75% (Wed 04:00) and breaches Wed 10:00 ...
        Assert.Equal(["2026-03-11T04:00:00Z"], without.Points("resolution-warning", "2026-03-10T12:00:00Z", "2026-03-10T12:00:00Z", until).Instants());
        Assert.Equal(["2026-03-11T10:00:00Z"], without.Points("resolution-breach", "2026-03-10T12:00:00Z", "2026-03-10T12:00:00Z", until).Instants());
        // ... with it, the case is Minor and nothing more is owed.
        Assert.Empty(with.EscalationsBetween(At("2026-03-10T12:00:00Z"), At("2026-03-10T12:00:00Z"), At(until)));
    }

    [Theory]
    [InlineData("3")] // Minor is already P3
    [InlineData("4")] // "reduced to P3" applies to P1 and P2 only
    public void Workaround_OnMinorOrOther_KeepsTheSeverity(string severity)
    {
        var state = Case(LumenVox, severity, Opened, Workaround("2026-03-10T10:30:00Z")).StateAt("2026-03-10T11:00:00Z");

        Assert.Equal(severity, state.Severity.Id);
    }

    [Fact]
    public void CriticalRaised_OpenedAsCritical_OnCallAndManagementToldAtOnce()
    {
        // Critical is worked "Continuously until Error is resolved", past the 01:00 end of support hours.
        var point = Assert.Single(Case(LumenVox, "1", Opened).Points("critical-raised", Opened, JustBefore(Opened), Opened));

        Assert.Equal(At(Opened), point.At);
        Assert.Equal(["onCall", "supportManagement"], point.Told());
    }

    [Fact]
    public void CriticalRaised_MinorRaisedToCritical_ToldAtTheRaise()
    {
        var clock = Case(LumenVox, "3", Opened, SeverityTo("2026-03-10T14:00:00Z", "critical"));

        var point = Assert.Single(clock.Points("critical-raised", "2026-03-10T14:00:00Z", Opened, "2026-03-10T15:00:00Z"));

        Assert.Equal(At("2026-03-10T14:00:00Z"), point.At);
    }
}
