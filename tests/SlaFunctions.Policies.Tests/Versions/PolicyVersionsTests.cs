using NodaTime;
using Xunit;

namespace SlaFunctions.Policies.Tests.Versions;

/// <summary>Reading <c>versions</c>: when each is in force, what it changes, and where its problems are reported.</summary>
public sealed class PolicyVersionsTests
{
    // PolicyText.Valid's first calendar is America/New_York: 2026-11-01 begins at 04:00 UTC (EDT, before the
    // fall-back later that night).
    private static readonly Instant NovemberInNewYork = Instant.FromUtc(2026, 11, 1, 4, 0);

    private static string WithVersions(string versions) => PolicyText.Valid + "\n" + versions;

    private const string FasterFirstResponse = """
        versions:
          - effectiveFrom: 2026-11-01
            severities:
              - id: "1"
                name: Critical
                aliases: [p1, urgent]
                targets:
                  firstResponse: { within: 30m, calendar: 24x7 }
                  resolution: { within: 1d, calendar: 24x7 }
              - id: "2"
                name: High
                targets:
                  firstResponse: { within: 2h, calendar: business }
                  resolution: { businessDays: 2, calendar: business }
        """;

    [Fact]
    public void Read_Version_InForceFromMidnightInTheFirstCalendarsZone()
    {
        var read = PolicyText.Read(WithVersions(FasterFirstResponse));

        Assert.Empty(read.Problems);
        var first = read.Policy!;
        var version = Assert.Single(first.LaterVersions);
        Assert.Equal(NovemberInNewYork, version.EffectiveFrom);
        Assert.False(version.MovesOpenCases);
        Assert.Same(first, first.InForceAt(NovemberInNewYork - Duration.Epsilon));
        Assert.Same(version.Policy, first.InForceAt(NovemberInNewYork));
        Assert.Equal(Duration.FromMinutes(30), version.Policy.Severities[0].FindTarget("firstResponse")!.Goal.OpenTime);
        Assert.Equal(Duration.FromHours(1), first.Severities[0].FindTarget("firstResponse")!.Goal.OpenTime);
    }

    [Fact]
    public void Read_Version_KeepsWhatItDoesNotWrite()
    {
        var version = PolicyText.Read(WithVersions(FasterFirstResponse)).Policy!.LaterVersions.Single().Policy;

        // Calendars and escalations come from the version before; the severities list is replaced whole.
        Assert.Equal(3, version.Calendars.Count);
        Assert.Equal("firstResponse-percent75", version.Escalations.Single().Id);
        Assert.Null(version.Severities[0].FindTarget("update"));
        Assert.Empty(version.Severities[1].Aliases);
    }

    [Fact]
    public void Read_VersionMergesAMapKeyByKey()
    {
        var read = PolicyText.Read(WithVersions("""
            versions:
              - effectiveFrom: 2026-12-01
                calendars:
                  business:
                    holidays: ["2026-12-24", "2026-12-25"]
            """));

        var version = read.Policy!.LaterVersions.Single().Policy;
        // Christmas Eve 2026 is a Thursday: open under the first version, a holiday under the second.
        var eve = Instant.FromUtc(2026, 12, 24, 15, 0);
        Assert.True(read.Policy.Calendars["business"].IsOpenAt(eve));
        Assert.False(version.Calendars["business"].IsOpenAt(eve));
        Assert.True(version.Calendars["business"].IsOpenAt(Instant.FromUtc(2026, 12, 23, 15, 0)));
    }

    [Fact]
    public void Read_BadValueInAVersion_NamesItsPathUnderTheVersion()
    {
        var read = PolicyText.Read(WithVersions(FasterFirstResponse.Replace("within: 30m", "within: 3x", StringComparison.Ordinal)));

        var problem = Assert.Single(read.Problems);
        Assert.Equal("versions[0].severities[0].targets.firstResponse.within", problem.Path);
        Assert.Null(read.Policy);
    }

    [Fact]
    public void Read_VersionRemovesACalendarStillUsed_ReportedOnTheVersionWithTheField()
    {
        var read = PolicyText.Read(WithVersions("""
            versions:
              - effectiveFrom: 2026-11-01
                calendars:
                  after-hours: null
                  business: null
            """));

        Assert.NotEmpty(read.Problems);
        Assert.All(read.Problems, p => Assert.Equal("versions[0]", p.Path));
        Assert.Contains(read.Problems, p => p.Message.Contains("2026-11-01", StringComparison.Ordinal)
            && p.Message.Contains("severities[1].targets.firstResponse.calendar", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ProblemOfTheFirstVersion_ListedOnceNotPerVersion()
    {
        var read = PolicyText.Read(WithVersions(FasterFirstResponse).Replace("percent: 75", "percent: many", StringComparison.Ordinal));

        Assert.Contains("escalations[0].at.percent", read.Problems.Select(p => p.Path));
        Assert.DoesNotContain(read.Problems, p => p.Path.StartsWith("versions", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- effectiveFrom: 2026-13-01", "versions[0].effectiveFrom")] // no 13th month
    [InlineData("- appliesTo: openCases", "versions[0].effectiveFrom")] // the date is required
    [InlineData("- effectiveFrom: 2026-11-01\n    appliesTo: everything", "versions[0].appliesTo")]
    [InlineData("- effectiveFrom: 2026-11-01\n    id: other", "versions[0].id")] // a version keeps the policy's id
    [InlineData("- effectiveFrom: 2026-11-01\n    pauseOn: [waiting]", "versions[0].pauseOn[0]")]
    [InlineData("- effectiveFrom: 2026-11-01\n    severitys: []", "versions[0].severitys")] // a typo is an unknown field
    [InlineData("- effectiveFrom: 2026-11-01\n  - effectiveFrom: 2026-11-01", "versions[1].effectiveFrom")] // not after the one before
    [InlineData("[]", "versions")]
    public void Read_BadVersion_NamesThePath(string versions, string path)
    {
        var read = PolicyText.Read(WithVersions("versions:\n  " + versions));

        Assert.Contains(path, read.Problems.Select(p => p.Path));
        Assert.Null(read.Policy);
    }

    [Fact]
    public void Read_OpenCasesVersionDroppingASeverity_ReportsIt()
    {
        var read = PolicyText.Read(WithVersions("""
            versions:
              - effectiveFrom: 2026-11-01
                appliesTo: openCases
                severities:
                  - id: "1"
                    name: Critical
                    targets:
                      firstResponse: { within: 30m, calendar: 24x7 }
            """));

        var problem = Assert.Single(read.Problems);
        Assert.Equal("versions[0].severities", problem.Path);
        Assert.Contains("missing: 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OpenCasesVersions_EachVersionPointsToTheNextOneOpenCasesMoveTo()
    {
        var read = PolicyText.Read(WithVersions("""
            versions:
              - effectiveFrom: 2026-11-01
                name: Acme gold support (November)
              - effectiveFrom: 2026-12-01
                appliesTo: openCases
                name: Acme gold support (December)
              - effectiveFrom: 2027-01-01
                name: Acme gold support (January)
            """));

        var first = read.Policy!;
        var (november, december, january) = (first.LaterVersions[0], first.LaterVersions[1], first.LaterVersions[2]);
        Assert.Equal("Acme gold support (December)", first.OpenCasesMoveTo!.Policy.Name);
        Assert.Same(december.Policy.Name, november.Policy.OpenCasesMoveTo!.Policy.Name);
        Assert.Null(december.Policy.OpenCasesMoveTo);
        Assert.Null(january.Policy.OpenCasesMoveTo);
        Assert.Equal(first.Fingerprint, january.Policy.Fingerprint);
    }
}
