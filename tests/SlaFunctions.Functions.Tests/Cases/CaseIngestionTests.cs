using NodaTime;
using SlaFunctions.Monitoring.Cases;
using SlaFunctions.Engine.Clocks;
using SlaFunctions.Engine.Contracts;
using SlaFunctions.Policies;
using SlaFunctions.Storage.Cases;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

public sealed class CaseIngestionTests
{
    // Fri 2026-03-06 23:30 GMT, LumenVox support 08:00-01:00 GMT Mon-Fri.
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 6, 23, 30);
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 9, 9, 0);
    private static readonly Policy LumenVox = PolicyReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "policies", "lumenvox.yaml")).Policy!;
    private static readonly CaseKey Key = new("acme-zendesk", "35436");

    private static IncomingCase Incoming(string? priority, params CaseEvent[] events) => new()
    {
        Key = Key,
        DeliveryId = "d-1",
        OpenedAt = Opened,
        Priority = priority,
        Title = "Calls drop",
        Events = events,
    };

    [Theory]
    [InlineData("high", "2")] // a policy alias
    [InlineData("HIGH", "2")] // any case
    [InlineData("1", "1")] // a severity id
    public void Decide_NewCase_SeverityFromPriority(string priority, string severity)
    {
        var change = CaseIngestion.Decide(LumenVox, Incoming(priority), null, Now);

        Assert.Equal(severity, change.Snapshot.OpenedSeverity);
        Assert.Empty(change.Append);
    }

    [Fact]
    public void Decide_PriorityMapsToNothing_DefaultSeverityAndANoteInTheHistory()
    {
        var change = CaseIngestion.Decide(LumenVox, Incoming("P9"), null, Now);

        Assert.Equal("4", change.Snapshot.OpenedSeverity); // lumenvox.yaml: defaultSeverity "4"
        var note = Assert.Single(change.Append);
        Assert.Equal(CaseEventType.SystemNote, note.Event.Type);
        Assert.Contains("'P9' maps to no severity", note.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_NewCase_ClocksJudgedAndDueIndexed()
    {
        var change = CaseIngestion.Decide(LumenVox, Incoming("major"), null, Now);

        // The seed's example: first response due Monday 10:30 GMT.
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 10, 30), change.Snapshot.NextDueAt);
        Assert.NotNull(change.Snapshot.NextCheckAt);
        Assert.True(change.Snapshot.NextCheckAt <= change.Snapshot.NextDueAt);
        Assert.False(change.Snapshot.Breached);
        Assert.Equal("open", change.Snapshot.Status);
    }

    [Fact]
    public void Decide_PriorityChangeToUnknown_KeepsSeverityAndSaysSo()
    {
        var created = CaseIngestion.Decide(LumenVox, Incoming("major"), null, Now);
        var current = new CaseRecord { Snapshot = created.Snapshot, History = created.Append };

        var change = CaseIngestion.Decide(LumenVox,
            Incoming(null, CaseEvent.SeverityChange(Opened + Duration.FromHours(1), "P9")) with { DeliveryId = "d-2" }, current, Now);

        var entry = Assert.Single(change.Append);
        Assert.Equal(CaseEventType.SystemNote, entry.Event.Type);
        Assert.Contains("left as it was", entry.Note, StringComparison.Ordinal);
        Assert.Equal("2", change.Snapshot.Severity);
    }

    [Fact]
    public void Decide_PriorityChangeToKnown_RecordsTheSeverityId()
    {
        var created = CaseIngestion.Decide(LumenVox, Incoming("major"), null, Now);
        var current = new CaseRecord { Snapshot = created.Snapshot, History = created.Append };

        var change = CaseIngestion.Decide(LumenVox,
            Incoming(null, CaseEvent.SeverityChange(Opened + Duration.FromHours(1), "urgent")) with { DeliveryId = "d-2" }, current, Now);

        Assert.Equal("1", Assert.Single(change.Append).Event.Severity);
        Assert.Equal("1", change.Snapshot.Severity);
        Assert.True(change.Snapshot.Breached); // P1's 1h first response, counted from Friday's opening, is long past
    }
}
