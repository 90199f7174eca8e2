using NodaTime;
using SlaFunctions.Engine.Calendars;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Engine.Escalations;
using Xunit;
using static SlaFunctions.Policies.Tests.Seeds.SeedPolicies;

namespace SlaFunctions.Policies.Tests.Seeds;

/// <summary>The five seed policies as shipped: each loads and validates, and between them they have what
/// policy-format.md's "What the five seed policies need" assigns.</summary>
public sealed class AllSeedsTests
{
    public static TheoryData<string> SeedIds => [.. Ids];

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void ReadFile_EachSeed_LoadsWithoutProblems(string id)
    {
        var result = Read(id);

        Assert.Empty(result.Problems);
        Assert.NotNull(result.Policy);
        Assert.Equal(id, result.Policy.Id);
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void ReadFile_EachSeed_EverySeverityHasATimedFirstResponse(string id)
    {
        // Every seed gives a response time for each of its levels.
        var policy = Load(id);

        Assert.All(policy.Severities, s => Assert.Equal(TargetKind.FirstResponse, s.FindTarget(Target.FirstResponseName)?.Kind));
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void ReadFile_EachSeed_EveryEscalationWatchesATargetItsSeveritiesHave(string id)
    {
        // A rule on a target that none of its severities defines would never fire: a typo the schema cannot catch.
        var policy = Load(id);

        Assert.All(policy.Escalations.Where(r => r.Target is not null), rule =>
            Assert.Contains(policy.Severities, s => rule.AppliesTo(s.Id) && s.FindTarget(rule.Target!) is not null));
    }

    [Theory]
    [MemberData(nameof(SeedIds))]
    public void ReadFile_EachSeed_DefaultSeverityIsTheLowest(string id)
    {
        // Each file chooses the lowest level for a ticket whose priority names none, as Phonism's seed does for email.
        var policy = Load(id);

        Assert.Equal(policy.Severities[^1], policy.DefaultSeverityFor(null));
    }

    [Fact]
    public void ReadFile_LumenVox_SupportHoursCrossMidnight()
    {
        // "8am – 1am GMT M-F": each weekday's interval runs into the next day.
        var support = LumenVox.Calendars["support"];
        var friday = new LocalDate(2026, 3, 6);

        Assert.Equal(DateTimeZoneProviders.Tzdb["Etc/GMT"], support.Zone);
        Assert.Equal([new OpeningInterval(8 * 60, 25 * 60)], support.HoursOn(friday));
        Assert.True(support.IsOpenAt(At("2026-03-07T00:30:00Z"))); // Saturday 00:30 belongs to Friday
        Assert.False(support.IsOpenAt(At("2026-03-09T00:30:00Z"))); // Monday 00:30: Sunday has no interval
    }

    [Fact]
    public void ReadFile_Phonism_ExtendedIsTheComplementOfStandard()
    {
        var standard = Phonism.Calendars["standard"];
        var extended = Phonism.Calendars["extended"];
        var from = At("2026-03-02T05:00:00Z");
        var to = At("2026-03-09T04:00:00Z"); // a week, over the spring-forward

        Assert.Equal(standard.Zone, extended.Zone);
        Assert.Equal(to - from, standard.OpenTimeBetween(from, to) + extended.OpenTimeBetween(from, to));
    }

    [Fact]
    public void ReadFile_Phonism_EmailDefaultsToTheLowestSeverity()
    {
        Assert.Equal(Phonism.Severities[^1], Phonism.DefaultSeverityFor("email"));
        Assert.Equal("5", Phonism.ChannelDefaults["email"]);
    }

    [Fact]
    public void ReadFile_LumenVox_WorkaroundLowersCriticalAndMajorToMinor()
    {
        Assert.Equal(["3", "3", null, null], LumenVox.Severities.Select(s => s.OnWorkaround));
        Assert.Equal(SeverityChangeRule.FromStart, LumenVox.OnSeverityChange);
    }

    [Fact]
    public void ReadFile_Lumedx_AccountManagementIsAnInternalTargetFromPriority1Confirmation()
    {
        var target = Lumedx.FindSeverity("1")!.FindTarget("accountManagement")!;

        Assert.Equal(TargetKind.Custom, target.Kind);
        Assert.Equal(TargetStart.SeverityRaised, target.StartOn);
        Assert.Equal(Duration.FromMinutes(15), target.Goal.OpenTime);
        Assert.Equal([Milestone.InternalNote], target.MetBy);
    }

    [Fact]
    public void ReadFile_Lumedx_FollowUpsRepeatEveryTwoHours()
    {
        var rule = Lumedx.Escalations.Single(r => r.Id == "p1-follow-up-calls");

        Assert.Equal(Duration.FromHours(2), rule.Every);
        Assert.Equal(EscalationTriggerKind.Elapsed, rule.At.Kind);
        Assert.Equal(Duration.FromHours(2), rule.At.Offset);
    }

    [Fact]
    public void ReadFile_Lumedx_Priority2UpdatesBeginAfter24Hours()
    {
        var update = Lumedx.FindSeverity("2")!.FindTarget(Target.UpdateName)!;

        Assert.Equal(Duration.FromHours(24), update.StartAfter);
        Assert.Equal(Duration.FromHours(24), update.Goal.OpenTime);
    }

    [Fact]
    public void ReadFile_Lumedx_HolidaysComeFromTheIcsFile()
    {
        Assert.Empty(Lumedx.Calendars["business"].HoursOn(new LocalDate(2026, 11, 26))); // Thanksgiving, only in the .ics
    }

    [Fact]
    public void ReadFile_LiveOps_Priority2GoesToLevel2WithoutEtaOrWorkaroundIn8Hours()
    {
        var target = LiveOps.FindSeverity("2")!.FindTarget("etaOrWorkaround")!;
        var rule = LiveOps.Escalations.Single(r => r.Id == "high-elevate-to-level-2");

        Assert.Equal(Duration.FromHours(8), target.Goal.OpenTime);
        Assert.True(target.Calendar.IsAlwaysOpen);
        Assert.True(target.MetBy.SetEquals([Milestone.Eta, Milestone.Workaround]));
        Assert.Equal(EscalationTriggerKind.Breach, rule.At.Kind);
    }

    [Fact]
    public void ReadFile_Xecuritas_WaitingOnCustomerTimesOutAfterTenDaysWithANoticeOnly()
    {
        // "closed after 10 days without a reply": notify, never close the ticket itself.
        Assert.All(Xecuritas.Severities, s =>
        {
            var target = s.FindTarget("waitingOnCustomer")!;
            Assert.Equal(TargetStart.Pending, target.StartOn);
            Assert.Equal(Duration.FromDays(10), target.Goal.OpenTime);
            Assert.Equal([Milestone.CustomerReply], target.MetBy);
        });
        var rule = Xecuritas.Escalations.Single(r => r.Target == "waitingOnCustomer");
        Assert.Equal(EscalationTriggerKind.Breach, rule.At.Kind);
        Assert.Equal([Recipient.ForRole(RecipientRole.Assignee)], rule.Notify);
    }

    [Fact]
    public void ReadFile_Xecuritas_Severity2ResponseWarnsAtFourAndBreachesAtSix()
    {
        var firstResponse = Xecuritas.FindSeverity("2")!.FindTarget(Target.FirstResponseName)!;
        var warning = Xecuritas.Escalations.Single(r => r.Id == "sev2-first-response-4h");

        Assert.Equal(Duration.FromHours(6), firstResponse.Goal.OpenTime);
        Assert.Equal("business", firstResponse.Calendar.Name);
        Assert.Equal(EscalationTriggerKind.Elapsed, warning.At.Kind);
        Assert.Equal(Duration.FromHours(4), warning.At.Offset);
    }

    [Fact]
    public void ReadFile_AllSeeds_TogetherUseEveryCoreField()
    {
        // "Between them they need all of the above": zones, hours, holidays, complements, 24x7, aliases, every kind of
        // target and goal, and every kind of escalation point.
        var policies = Ids.Select(Load).ToList();
        var calendars = policies.SelectMany(p => p.Calendars.Values).Where(c => !c.IsAlwaysOpen).ToList();
        var severities = policies.SelectMany(p => p.Severities).ToList();
        var targets = severities.SelectMany(s => s.Targets).ToList();
        var rules = policies.SelectMany(p => p.Escalations).ToList();

        Assert.Equal(
            ["America/Los_Angeles", "America/New_York", "Etc/GMT"],
            calendars.Select(c => c.Zone.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Empty(Xecuritas.Calendars["business"].HoursOn(new LocalDate(2010, 11, 25))); // holidays written inline
        Assert.Contains(targets, t => t.Calendar.IsAlwaysOpen);
        Assert.All(severities, s => Assert.NotEmpty(s.Aliases));
        Assert.Contains(Xecuritas.PauseOn, s => s == Engine.Clocks.CaseStatus.Pending);
        Assert.Equal(
            [TargetKind.FirstResponse, TargetKind.Update, TargetKind.Resolution, TargetKind.Custom],
            targets.Select(t => t.Kind).Distinct().Order());
        Assert.Contains(targets, t => t.Goal.BusinessDays is not null);
        Assert.Contains(targets, t => t.Goal.OpenTime is not null);
        Assert.Equal(
            [EscalationTriggerKind.Percent, EscalationTriggerKind.Before, EscalationTriggerKind.Breach, EscalationTriggerKind.After, EscalationTriggerKind.Elapsed, EscalationTriggerKind.SeverityEntered],
            rules.Select(r => r.At.Kind).Distinct().Order());
        Assert.Contains(rules, r => r.Every is not null);
    }
}
