using System.Net;
using System.Text.Json.Nodes;
using SlaFunctions.Notices;
using Xunit;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The dead-letter trigger: <c>POST /deadletters</c> records what Service Bus gave up on.</summary>
public sealed class DeadLetterInvocationTests : IAsyncLifetime
{
    private static readonly string Notice42 = NoticeJson.ToText(FunctionsHostApi.SampleNotice("42"));
    private readonly FunctionsHostApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Theory]
    [InlineData("ApplicationProperties")] // extension 5.x
    [InlineData("UserProperties")] // 4.x, kept by 5.x as an alias
    public async Task DeadLetter_ReasonFromTheMessageProperties(string propertiesKey)
    {
        var envelope = JsonNode.Parse(Envelope.ServiceBus("deadLetter", Notice42, 6))!;
        envelope["Metadata"]!.AsObject().Remove("ApplicationProperties");
        envelope["Metadata"]!.AsObject().Remove("UserProperties");
        envelope["Metadata"]![propertiesKey] = new JsonObject { ["DeadLetterReason"] = "TTLExpiredException" };

        var (response, body) = await _api.InvokeAsync("deadletters", envelope.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((Notice42, "TTLExpiredException"), Assert.Single(_api.Inbox.DeadLettered));
        Assert.Equal("Dead-lettered message m-1 recorded: TTLExpiredException.", body!["Logs"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DeadLetter_NoReason_SaysSo()
    {
        var (response, _) = await _api.InvokeAsync("deadletters", Envelope.ServiceBus("deadLetter", Notice42, 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Service Bus gave no reason", Assert.Single(_api.Inbox.DeadLettered).Reason);
    }

    [Fact]
    public async Task DeadLetter_InboxThrows_500SoTheMessageStaysInTheQueue()
    {
        _api.Inbox.Failure = new InvalidOperationException("storage down");

        var (response, body) = await _api.InvokeAsync("deadletters", Envelope.ServiceBus("deadLetter", Notice42, 1));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.EndsWith("it stays in the dead-letter queue.", body!["Logs"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
