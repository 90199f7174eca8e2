using System.Net;
using Azure.Data.Tables;
using Xunit;

namespace SlaFunctions.Functions.Tests.Cases;

/// <summary>Zendesk's "Test webhook" button: a 2xx when the secret is right, as docs/deploy.md promises; 401 when not.</summary>
public sealed partial class WebhookEndpointsTests
{
    [Theory]
    [InlineData("{\"say\": \"hello\"}")] // a sample body left in the test panel
    [InlineData("{\"name\":\"test webhook\"}")] // the API's test request example
    [InlineData("{}")]
    [InlineData("")] // the panel's body cleared
    public async Task Receive_ZendeskTestWebhook_RightSecret_Is200IgnoredAndWritesNothing(string body)
    {
        var (response, receipt) = await PostAsync(body, "i-test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (string)receipt!["outcome"]!);
        Assert.Contains("Test webhook", (string)receipt["detail"]!, StringComparison.Ordinal);
        Assert.Empty(await CaseRowsAsync());
    }

    [Fact]
    public async Task Receive_ZendeskTestWebhook_WrongSecret_Is401()
    {
        var (response, problem) = await PostAsync("{\"say\": \"hello\"}", "i-test", secret: "wrong-secret-0123456789abcdef");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("matches neither secret", (string)problem!["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_TriggerBodyWithoutSchema_StillRefusedNamingSchema()
    {
        var (response, problem) = await PostAsync("{\"event\": \"ticket.changed\", \"ticket\": {\"id\": \"5\"}}", "i-noschema");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("schema", (string)problem!["errors"]![0]!["path"]!);
    }

    private async Task<List<TableEntity>> CaseRowsAsync()
    {
        var table = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient(_api.CasesTable);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }
        return rows;
    }
}
