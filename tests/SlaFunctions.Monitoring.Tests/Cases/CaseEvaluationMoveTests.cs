using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Policies;
using Xunit;

namespace SlaFunctions.Monitoring.Tests.Cases;

/// <summary>A case that moves to a later version of its policy (<c>appliesTo: openCases</c>) is checked again on that
/// version's date: before it, its next check is the earlier of the date and what the version in force would give.</summary>
public sealed class CaseEvaluationMoveTests
{
    private static readonly Instant Date = Instant.FromUtc(2026, 11, 1, 0, 0);

    // Targets long enough (3 days) that the date usually comes first; the later version halves them.
    private static string Contract(string appliesTo) => $$"""
        id: globex
        name: Globex support
        calendars:
          office: { timeZone: UTC, hours: { mon: ["09:00-17:00"] } }
        severities:
          - id: "1"
            name: Urgent
            targets:
              firstResponse: { within: 3d, calendar: 24x7 }
        versions:
          - effectiveFrom: 2026-11-01
            appliesTo: {{appliesTo}}
            severities:
              - id: "1"
                name: Urgent
                targets:
                  firstResponse: { within: 36h, calendar: 24x7 }
        """;

    private static readonly Policy Moving = Read(Contract("openCases"));
    private static readonly Policy NewOnly = Read(Contract("newCases"));

    // The naive reference: before the date both contracts judge a case alike (by the version in force at its
    // opening), so the moving one's next check is the other's, or the date when that comes first.
    [Fact]
    public void Evaluate_BeforeTheDate_NextCheckIsTheDateWhenItComesFirst()
    {
        var cases = Gen.Zip(Gen.Choose(1, 7 * 24 * 60), Gen.Choose(0, 7 * 24 * 60)).Sample(200);
        foreach (var (before, elapsed) in cases)
        {
            var opened = Date - Duration.FromMinutes(before);
            var asOf = opened + Duration.FromMinutes(Math.Min(elapsed, before - 1));
            var own = CaseEvaluation.Evaluate(NewOnly, opened, "1", [], asOf).NextCheckAt;
            var expected = own is { } at && at < Date ? at : Date;

            var next = CaseEvaluation.Evaluate(Moving, opened, "1", [], asOf).NextCheckAt;

            Assert.True(next == expected, $"opened {opened}, judged {asOf}: next check {next}, expected {expected}");
        }
    }

    [Fact]
    public void Evaluate_OpenedOnOrAfterTheDate_NoCheckForAMove()
    {
        var opened = Date + Duration.FromHours(2);

        var next = CaseEvaluation.Evaluate(Moving, opened, "1", [], opened).NextCheckAt;

        Assert.Equal(CaseEvaluation.Evaluate(NewOnly, opened, "1", [], opened).NextCheckAt, next);
    }

    private static Policy Read(string yaml) =>
        PolicyReader.Read(yaml, PolicyFormat.Yaml, baseDirectory: null).Policy ?? throw new InvalidOperationException("The test contract does not read.");
}
