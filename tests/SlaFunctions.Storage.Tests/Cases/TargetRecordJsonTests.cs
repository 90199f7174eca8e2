using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Storage.Tests.Cases;

public sealed class TargetRecordJsonTests
{
    // A row written before the targets were typed: the preview API's target JSON, with fields the row no longer keeps.
    private const string PreviewJsonRow = """
        [{"name":"firstResponse","calendar":"business","goal":"PT4H","state":"breached","startedAt":"2026-03-06T14:00:00Z","dueAt":null,"metAt":null,"breachedAt":"2026-03-09T10:00:00Z","remaining":null},
         {"name":"resolution","calendar":"business","goal":"P2D","businessDays":2,"state":"running","startedAt":"2026-03-06T14:00:00Z","dueAt":"2026-03-10T17:00:00Z","remaining":"PT20H","atRiskAt":"2026-03-10T13:00:00Z"},
         {"name":"update","calendar":"24x7","goal":"PT24H","internal":true,"state":"paused","pausedSince":"2026-03-07T08:30:00Z"},
         {"name":"nextReply","calendar":"24x7","goal":"PT8H","state":"notStarted"}]
        """;

    [Fact]
    public void Read_RowWrittenAsThePreviewApisJson_ReadsEveryTargetsStateAndInstants()
    {
        var targets = TargetRecordJson.Read(PreviewJsonRow);

        Assert.Equal(
        [
            new TargetRecord { Name = "firstResponse", Calendar = "business", State = TargetState.Breached, BreachedAt = Instant.FromUtc(2026, 3, 9, 10, 0) },
            new TargetRecord { Name = "resolution", Calendar = "business", State = TargetState.Running, DueAt = Instant.FromUtc(2026, 3, 10, 17, 0), AtRiskAt = Instant.FromUtc(2026, 3, 10, 13, 0) },
            new TargetRecord { Name = "update", Calendar = "24x7", State = TargetState.Paused, PausedSince = Instant.FromUtc(2026, 3, 7, 8, 30) },
            new TargetRecord { Name = "nextReply", Calendar = "24x7", State = TargetState.NotStarted },
        ], targets);
    }

    [Theory]
    [InlineData(null)] // a row never judged
    [InlineData("")]
    [InlineData("{\"name\":\"firstResponse\"}")] // not a list
    [InlineData("[{\"name\":\"x\",\"calendar\":\"c\",\"state\":\"sleeping\"}]")] // a state this build does not know
    [InlineData("[{\"name\":\"x\",\"calendar\":\"c\",\"state\":\"running\",\"dueAt\":\"tomorrow\"}]")]
    public void Read_NothingThisBuildReads_GivesNoTargets(string? text) => Assert.Empty(TargetRecordJson.Read(text));

    // The words and instants of the preview API's JSON, so a build from before the targets were typed still reads a
    // row this one wrote (a rollback keeps the board working).
    [Fact]
    public void Write_Targets_UsesThePreviewApisWordsAndInstants() => Assert.Equal(
        """[{"name":"update","calendar":"24x7","state":"notStarted"},{"name":"resolution","calendar":"business","state":"running","dueAt":"2026-03-10T17:00:00Z"}]""",
        TargetRecordJson.Write(
        [
            new TargetRecord { Name = "update", Calendar = "24x7", State = TargetState.NotStarted },
            new TargetRecord { Name = "resolution", Calendar = "business", State = TargetState.Running, DueAt = Instant.FromUtc(2026, 3, 10, 17, 0) },
        ]));

    [Fact]
    public void Write_NoTargets_WritesNoColumn() => Assert.Null(TargetRecordJson.Write([]));

    [Property(MaxTest = 300)]
    public Property Write_ThenRead_GivesTheSameTargets() => Prop.ForAll(Targets().ToArbitrary(), targets =>
        TargetRecordJson.Read(TargetRecordJson.Write(targets)).SequenceEqual(targets));

    private static Gen<TargetRecord[]> Targets()
    {
        // Instants to the tick over a century either side of 2000, and none.
        var instant = Gen.Choose(-1_000_000, 1_000_000).Zip(Gen.Choose(0, int.MaxValue),
            (days, ticks) => (Instant?)(Instant.FromUtc(2000, 1, 1, 0, 0) + Duration.FromDays(days / 27) + Duration.FromTicks(ticks)));
        var optional = Gen.Frequency((1, Gen.Constant((Instant?)null)), (2, instant));
        var target =
            from name in Gen.Elements("firstResponse", "update", "resolution", "nextReply", "Level 2 pick-up", "réponse ☎")
            from calendar in Gen.Elements("business", "24x7", "support-hours")
            from state in Gen.Elements(Enum.GetValues<TargetState>())
            from due in optional
            from breached in optional
            from paused in optional
            from atRisk in optional
            select new TargetRecord { Name = name, Calendar = calendar, State = state, DueAt = due, BreachedAt = breached, PausedSince = paused, AtRiskAt = atRisk };
        return target.ArrayOf();
    }
}
