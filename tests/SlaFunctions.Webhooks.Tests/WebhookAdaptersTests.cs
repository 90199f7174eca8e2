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

    [Fact]
    public void Find_UnknownKind_Null() => Assert.Null(_adapters.Find("salesforce"));

    [Fact]
    public void Kinds_ListsAllSix() =>
        Assert.Equal(["cloudevents", "freshdesk", "github", "jira", "servicenow", "zendesk"], _adapters.Kinds.Order());
}
