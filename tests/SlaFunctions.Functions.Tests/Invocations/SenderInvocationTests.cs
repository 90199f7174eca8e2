using System.Net;
using System.Text.Json.Nodes;
using SlaFunctions.Notices;
using SlaFunctions.Storage;
using Xunit;

namespace SlaFunctions.Functions.Tests.Invocations;

/// <summary>The Service Bus trigger: <c>POST /sender</c> hands the message to the inbox; a failure answers non-2xx so
/// that the host abandons the message and Service Bus delivers it again, then dead-letters it.</summary>
public sealed class SenderInvocationTests : IAsyncLifetime
{
    private static readonly string Notice42 = NoticeJson.ToText(FunctionsHostApi.SampleNotice("42"));
    private readonly FunctionsHostApi _api = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Sender_CapturedEnvelopeShape_InboxGetsTheBodyAndCount()
    {
        // Written out by hand in the shape of a public capture from a real host (extension 4.x): the body is a JSON
        // string holding a quoted JSON string, DeliveryCount the string "1", MessageId quoted twice.
        const string envelope = """
            {"Data":{"notice":"\"{\\\"hello\\\":\\\"world\\\"}\""},
             "Metadata":{"DeliveryCount":"1","MessageId":"\"088fb2c4\"","LockToken":"\"4223f5cd\"",
              "EnqueuedTimeUtc":"\"2020-10-08T21:49:35.809Z\"","SequenceNumber":"1","ContentType":"\"application/json\"",
              "UserProperties":{},"hello":"\"world\"","sys":{"MethodName":"sender","UtcNow":"2020-10-08T21:49:36Z","RandGuid":"1b4e"}}}
            """;

        var (response, body) = await _api.InvokeAsync("sender", envelope);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("""{"hello":"world"}""", 1), Assert.Single(_api.Inbox.Received));
        Assert.Equal("Message 088fb2c4 handled on delivery 1.", body!["Logs"]![0]!.GetValue<string>());
        Assert.Empty(body["Outputs"]!.AsObject());
    }

    [Fact]
    public async Task Sender_NoticeMessage_InboxGetsTheNoticeBytesUnchanged()
    {
        var (response, _) = await _api.InvokeAsync("sender", Envelope.ServiceBus("notice", Notice42, deliveryCount: 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (received, count) = Assert.Single(_api.Inbox.Received);
        Assert.Equal(Notice42, received);
        Assert.Equal(1, count);
        Assert.Equal("acme-zendesk/42/first-response-warning:0", NoticeJson.Read(received).Id);
    }

    [Theory]
    [InlineData("\"3\"", 3)] // the host's form: SerializeObject(3) sent as a string
    [InlineData("\"\\\"4\\\"\"", 4)] // quoted twice, as the host quotes string metadata
    [InlineData("5", 5)] // a plain number, should a host version stop encoding
    public async Task Sender_DeliveryCountForms_AllRead(string deliveryCountJson, int expected)
    {
        var envelope = JsonNode.Parse(Envelope.ServiceBus("notice", Notice42, deliveryCount: 1))!;
        envelope["Metadata"]!["DeliveryCount"] = JsonNode.Parse(deliveryCountJson);

        var (response, _) = await _api.InvokeAsync("sender", envelope.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Assert.Single(_api.Inbox.Received).DeliveryCount);
    }

    [Fact]
    public async Task Sender_BodyAsJsonObject_Accepted()
    {
        // If a host version hands a JSON body over as an object rather than a string, the inbox still gets its JSON.
        var envelope = JsonNode.Parse(Envelope.ServiceBus("notice", Notice42, deliveryCount: 2))!;
        envelope["Data"]!["notice"] = JsonNode.Parse(Notice42);

        var (response, _) = await _api.InvokeAsync("sender", envelope.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acme-zendesk/42/first-response-warning:0", NoticeJson.Read(Assert.Single(_api.Inbox.Received).Body).Id);
    }

    [Fact]
    public async Task Sender_InboxThrows_500SoTheHostAbandonsTheMessage()
    {
        _api.Inbox.Failure = new InvalidOperationException("ACS refused the send");

        var (response, body) = await _api.InvokeAsync("sender", Envelope.ServiceBus("notice", Notice42, deliveryCount: 2, messageId: "n-42"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("Message n-42 failed on delivery 2 (InvalidOperationException: ACS refused the send); Service Bus delivers it again.",
            body!["Logs"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Sender_StorageUnavailable_503()
    {
        _api.Inbox.Failure = new StorageUnavailableException("Table Storage is unavailable.");

        var (response, _) = await _api.InvokeAsync("sender", Envelope.ServiceBus("notice", Notice42, deliveryCount: 1));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Sender_FailsEveryDelivery_EachFailsThenTheDeadLetterIsRecorded()
    {
        // The whole retry path as Service Bus drives it with maxDeliveryCount 5 (infra/modules/servicebus.bicep):
        // five deliveries, each answered non-2xx, then the dead-letter function gets the same body with the reason.
        _api.Inbox.Failure = new InvalidOperationException("ACS refused the send");
        for (var delivery = 1; delivery <= 5; delivery++)
        {
            var (response, _) = await _api.InvokeAsync("sender", Envelope.ServiceBus("notice", Notice42, delivery, messageId: "n-42"));
            Assert.False(response.IsSuccessStatusCode, $"delivery {delivery} must fail the invocation");
        }
        _api.Inbox.Failure = null;
        var reason = new JsonObject
        {
            ["DeadLetterReason"] = "MaxDeliveryCountExceeded",
            ["DeadLetterErrorDescription"] = "Message could not be consumed after 5 delivery attempts.",
        };

        var (dead, _) = await _api.InvokeAsync("deadletters", Envelope.ServiceBus("deadLetter", Notice42, 1, "n-42", reason));

        Assert.Equal(HttpStatusCode.OK, dead.StatusCode);
        Assert.Equal([1, 2, 3, 4, 5], _api.Inbox.Received.Select(r => r.DeliveryCount));
        Assert.Equal((Notice42, "MaxDeliveryCountExceeded: Message could not be consumed after 5 delivery attempts."), Assert.Single(_api.Inbox.DeadLettered));
    }

    [Theory]
    [InlineData("DeliveryCount", null)] // no count: the inbox could not tell a first delivery from a last
    [InlineData("DeliveryCount", "\"many\"")]
    [InlineData("DeliveryCount", "\"0\"")] // Service Bus counts from 1
    public async Task Sender_BadDeliveryCount_400AndInboxNotCalled(string key, string? json)
    {
        var envelope = JsonNode.Parse(Envelope.ServiceBus("notice", Notice42, deliveryCount: 1))!;
        envelope["Metadata"]!.AsObject().Remove(key);
        if (json is not null)
        {
            envelope["Metadata"]![key] = JsonNode.Parse(json);
        }

        var (response, body) = await _api.InvokeAsync("sender", envelope.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Refused: Metadata.DeliveryCount is missing or not a positive whole number.", body!["Logs"]![0]!.GetValue<string>());
        Assert.Empty(_api.Inbox.Received);
    }

    [Fact]
    public async Task Sender_NoBodyUnderTheTriggerName_400()
    {
        // A function.json whose trigger name drifted from the app's would land here.
        var (response, body) = await _api.InvokeAsync("sender", Envelope.ServiceBus("myQueueItem", Notice42, deliveryCount: 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Refused: Data.notice (the message body) is missing.", body!["Logs"]![0]!.GetValue<string>());
    }
}
