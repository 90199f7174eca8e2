using Xunit;

namespace SlaFunctions.Webhooks.Tests;

public sealed class WebhookAdaptersTests
{
    private readonly WebhookAdapters _adapters = new(TestClock.Create());

    [Theory]
    [InlineData("zendesk")]
    [InlineData("jira")]
    [InlineData("servicenow")]
    [InlineData("freshdesk")]
    [InlineData("github")]
    [InlineData("cloudevents")]
    [InlineData("GitHub")] // routes are matched case-insensitively
    public void Find_KnownKind_GivesItsAdapter(string kind)
    {
        var adapter = _adapters.Find(kind);

        Assert.NotNull(adapter);
        Assert.Equal(kind.ToLowerInvariant(), adapter.Kind);
    }

    [Theory]
    [InlineData("zendesk", "zendesk/trigger_ticket_created.json")]
    [InlineData("jira", "jira/issue_created.json")]
    [InlineData("servicenow", "servicenow/incident_inserted.json")]
    [InlineData("freshdesk", "freshdesk/ticket_created.json")]
    [InlineData("github", "github/issues_opened.json")]
    [InlineData("cloudevents", "cloudevents/opened.json")]
    public void Parse_TruncatedBody_RejectedAsNotJson(string kind, string fixture)
    {
        // Cut mid-body, as a proxy's size limit or a dropped connection would.
        var body = Fixture.Bytes(fixture);
        var request = Deliveries.Of(body[..(body.Length / 2)], ("X-GitHub-Event", "issues"));

        var result = _adapters.Find(kind)!.Parse(request, ConnectionMapping.Default);

        Assert.Equal(WebhookOutcome.Rejected, result.Outcome);
        Assert.Contains("not valid JSON", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jira")] // zendesk: {} is what its "Test webhook" may send, see ZendeskAdapterTests
    [InlineData("servicenow")]
    [InlineData("freshdesk")]
    [InlineData("github")]
    [InlineData("cloudevents")]
    public void Parse_EmptyObject_RejectedNotThrown(string kind)
    {
        var result = _adapters.Find(kind)!.Parse(Deliveries.Of("{}", ("X-GitHub-Event", "issues")), ConnectionMapping.Default);

        Assert.Equal(WebhookOutcome.Rejected, result.Outcome);
        Assert.All(result.Problems, p => Assert.NotEmpty(p.Path)); // each names the field to add
    }

    [Fact]
    public void Find_UnknownKind_Null() => Assert.Null(_adapters.Find("salesforce"));

    [Fact]
    public void Kinds_ListsAllSix() =>
        Assert.Equal(["cloudevents", "freshdesk", "github", "jira", "servicenow", "zendesk"], _adapters.Kinds.Order());
}
