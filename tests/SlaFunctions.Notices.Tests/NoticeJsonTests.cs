using SlaFunctions.Engine.Clocks;

namespace SlaFunctions.Notices.Tests;

/// <summary>The notice format's versions: an escalation notice is still version 1, a state change is version 2, and
/// this build reads both.</summary>
public sealed class NoticeJsonTests
{
    [Fact]
    public void ToText_EscalationNotice_StaysVersion1()
    {
        var text = NoticeJson.ToText(ExampleNotices.Breach);

        Assert.StartsWith("""{"version":1,""", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"change\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StateChange_RoundTripsAsVersion2()
    {
        var text = NoticeJson.ToText(ExampleNotices.Breached);

        var read = NoticeJson.Read(text);

        Assert.StartsWith("""{"version":2,""", text, StringComparison.Ordinal);
        Assert.Contains("""
            "kind":"stateChanged"
            """, text, StringComparison.Ordinal);
        Assert.Contains("""
            "change":{"target":"firstResponse","from":"atRisk","to":"breached","runStartedAt":"2026-03-02T14:00:00Z","dueAt":"2026-03-02T15:00:00Z"}
            """, text, StringComparison.Ordinal);
        Assert.Equal((TargetPhase.AtRisk, TargetPhase.Breached), (read.Change!.From, read.Change.To));
        Assert.Equal(ExampleNotices.Breached.Notify, read.Notify);
        Assert.Equal(text, NoticeJson.ToText(read));
    }

    [Theory]
    [InlineData("""{"version":3,"id":"x","kind":"warning","trigger":"percent","rule":"r","at":"2026-03-02T15:00:00Z","emittedAt":"2026-03-02T15:00:00Z","case":{"connection":"c","externalId":"1","policy":"p","policyName":"P","severity":"1","severityName":"S","openedAt":"2026-03-02T14:00:00Z"},"notify":[]}""",
        "Notice version 3 is not one this build reads (it reads 1 to 2).")]
    [InlineData("""{"version":2,"id":"x","kind":"stateChanged","trigger":"","rule":"","at":"2026-03-02T15:00:00Z","emittedAt":"2026-03-02T15:00:00Z","case":{"connection":"c","externalId":"1","policy":"p","policyName":"P","severity":"1","severityName":"S","openedAt":"2026-03-02T14:00:00Z"},"notify":[]}""",
        "Not a notice: a stateChanged notice is version 2 and has a change.")] // no change
    [InlineData("""{"version":1,"id":"x","kind":"stateChanged","trigger":"","rule":"","at":"2026-03-02T15:00:00Z","emittedAt":"2026-03-02T15:00:00Z","case":{"connection":"c","externalId":"1","policy":"p","policyName":"P","severity":"1","severityName":"S","openedAt":"2026-03-02T14:00:00Z"},"notify":[],"change":{"target":"t","from":"running","to":"met","runStartedAt":"2026-03-02T14:00:00Z"}}""",
        "Not a notice: a stateChanged notice is version 2 and has a change.")] // version 1 has no state changes
    public void Read_NotAVersionThisBuildReads_Refused(string json, string message)
    {
        Assert.Equal(message, Assert.Throws<NoticeFormatException>(() => NoticeJson.Read(json)).Message);
    }
}
