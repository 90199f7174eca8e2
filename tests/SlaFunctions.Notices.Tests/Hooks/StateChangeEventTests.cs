using SlaFunctions.Notices.Hooks;

namespace SlaFunctions.Notices.Tests.Hooks;

/// <summary>The CloudEvent a state change becomes: its attributes, its data and its id.</summary>
public sealed class StateChangeEventTests
{
    [Fact]
    public void ToBytes_Breached_StructuredCloudEvent()
    {
        var body = System.Text.Encoding.UTF8.GetString(StateChangeEvent.From(ExampleNotices.Breached).ToBytes());

        // Compact JSON, absent values left out, instants in UTC; the id is sla_ and 32 hex digits of the SHA-256 of the
        // notice's id (worked out with `printf %s '<id>' | sha256sum`).
        Assert.Equal(
            """{"specversion":"1.0","id":"sla_29754cba93c9bc7f7cb97a2288db542f","source":"/slafunctions/cases/zendesk-lumenvox","type":"com.slafunctions.target.breached","subject":"48213","time":"2026-03-02T15:00:00Z","datacontenttype":"application/json","data":{"connection":"zendesk-lumenvox","externalId":"48213","title":"ASR engine returns empty transcripts after the 21.3 upgrade","url":"https://lumenvox.zendesk.com/agent/tickets/48213","customer":"LumenVox","policyId":"lumenvox","severity":"sev1","severityName":"Severity 1 \u2013 Critical","target":"firstResponse","promise":"First response within 1 hour, around the clock (24x7)","from":"atRisk","to":"breached","at":"2026-03-02T15:00:00Z","startedAt":"2026-03-02T14:00:00Z","dueAt":"2026-03-02T15:00:00Z","breachedAt":"2026-03-02T15:00:00Z"}}""",
            body);
    }

    [Theory]
    [InlineData(SlaFunctions.Engine.Clocks.TargetPhase.Running, "com.slafunctions.target.running")]
    [InlineData(SlaFunctions.Engine.Clocks.TargetPhase.AtRisk, "com.slafunctions.target.atRisk")]
    [InlineData(SlaFunctions.Engine.Clocks.TargetPhase.Met, "com.slafunctions.target.met")]
    [InlineData(SlaFunctions.Engine.Clocks.TargetPhase.Stopped, "com.slafunctions.target.stopped")]
    public void From_EachState_ItsType(SlaFunctions.Engine.Clocks.TargetPhase to, string type)
    {
        var notice = ExampleNotices.Breached with { Change = ExampleNotices.Breached.Change! with { To = to } };

        var cloudEvent = StateChangeEvent.From(notice);

        Assert.Equal(type, cloudEvent.Type);
        Assert.Equal(to == SlaFunctions.Engine.Clocks.TargetPhase.Met ? notice.At : null, cloudEvent.Data.MetAt);
        Assert.Null(cloudEvent.Data.BreachedAt);
    }

    [Fact]
    public void IdOf_SameNotice_SameIdWithoutFullStop()
    {
        var id = StateChangeEvent.IdOf("acme/T.42/state/update/1772460000/met");

        Assert.Equal(id, StateChangeEvent.IdOf("acme/T.42/state/update/1772460000/met"));
        Assert.NotEqual(id, StateChangeEvent.IdOf("acme/T.42/state/update/1772460000/running"));
        Assert.Matches("^sla_[0-9a-f]{32}$", id);
    }

    [Fact]
    public void From_EscalationNotice_Throws()
    {
        Assert.Throws<ArgumentException>(() => StateChangeEvent.From(ExampleNotices.Warning));
    }
}
