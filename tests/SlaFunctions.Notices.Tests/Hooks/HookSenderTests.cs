using System.Security.Cryptography;
using System.Text;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Notices.Hooks;
using SlaFunctions.Notices.Tests.Email;

namespace SlaFunctions.Notices.Tests.Hooks;

/// <summary>One delivery to a receiver on Kestrel: what is sent and signed, and how each answer is read.</summary>
public sealed class HookSenderTests : IAsyncLifetime
{
    // Two Standard Webhooks secrets: the one the receiver knows, and a newer one the sender signs with first.
    private const string Secret = "whsec_c2xhZnVuY3Rpb25zLWhvb2stc2VjcmV0LTAx";
    private const string NextSecret = "whsec_c2xhZnVuY3Rpb25zLWhvb2stc2VjcmV0LTAy";

    private readonly FakeClock _clock = new(ExampleNotices.At("2026-03-02T15:00:03Z"));
    // No short timeout here: a first request on a busy CI machine can take over a second (Kestrel and the JIT warming up),
    // and that must not read as the receiver's silence. The timeout test brings its own short-lived client.
    private readonly HttpClient _http = new();
    private HookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await HookReceiver.StartAsync(Secret, _clock.GetCurrentInstant);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _receiver.DisposeAsync();
    }

    private HookSender Sender(string url, params string[] secrets) => Sender(_http, url, secrets);

    private HookSender Sender(HttpClient http, string url, params string[] secrets) => new(http, new HookOptions
    {
        Endpoints = { ["ops-chat"] = new HookEndpointOptions { Url = url, Secrets = [.. secrets] } },
    }, _clock);

    private Task<HookResult> SendAsync(params string[] secrets) =>
        Sender(_receiver.Url.ToString(), secrets.Length == 0 ? [Secret] : secrets).SendAsync(ExampleNotices.Breached, "hook:ops-chat", default);

    [Fact]
    public async Task SendAsync_Accepted_ACloudEventSignedAsStandardWebhooksSays()
    {
        var result = await SendAsync(NextSecret, Secret);

        Assert.Equal(HookResult.Delivered, result);
        var delivery = Assert.Single(_receiver.Received);
        Assert.True(delivery.Verified);
        Assert.Equal(("POST", "/hooks", "application/cloudevents+json; charset=utf-8"), (delivery.Method, delivery.Path, delivery.ContentType));
        Assert.Equal(Encoding.UTF8.GetString(StateChangeEvent.From(ExampleNotices.Breached).ToBytes()), delivery.Body);
        Assert.Equal(StateChangeEvent.IdOf(ExampleNotices.Breached.Id), delivery.Id);
        Assert.Equal(delivery.Id, delivery.Json.GetProperty("id").GetString());
        Assert.Equal("1772463603", delivery.Timestamp); // the send time, 15:00:03, not the change's
        // Both secrets sign, the first listed first: HMAC-SHA256 of "id.timestamp.body" keyed with the decoded secret.
        Assert.Equal([Signature(NextSecret, delivery), Signature(Secret, delivery)], delivery.Signature.Split(' '));
    }

    [Fact]
    public async Task SendAsync_SignedWithAnotherSecret_ReceiverRefuses()
    {
        var result = await SendAsync(NextSecret);

        Assert.Equal(HookOutcome.Refused, result.Outcome);
        Assert.False(Assert.Single(_receiver.Received).Verified);
    }

    [Theory]
    [InlineData(204, HookOutcome.Delivered)]
    [InlineData(400, HookOutcome.Refused)]
    [InlineData(404, HookOutcome.Refused)]
    [InlineData(410, HookOutcome.Refused)] // Gone: the receiver wants no more
    [InlineData(301, HookOutcome.Refused)] // redirects are not followed
    [InlineData(408, HookOutcome.Transient)]
    [InlineData(429, HookOutcome.Transient)]
    [InlineData(500, HookOutcome.Transient)]
    [InlineData(503, HookOutcome.Transient)]
    public async Task SendAsync_Answer_ReadAsItsOutcome(int status, HookOutcome outcome)
    {
        _receiver.Reply(status);

        var result = await SendAsync();

        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(outcome == HookOutcome.Delivered ? null : $"ops-chat", result.Reason?.Split(' ')[0]);
    }

    [Fact]
    public async Task SendAsync_RetryAfter_Kept()
    {
        _receiver.Reply(503, retryAfter: "120");

        var result = await SendAsync();

        Assert.Equal(new HookResult(HookOutcome.Transient, "ops-chat answered 503 Service Unavailable.", TimeSpan.FromSeconds(120)), result);
    }

    [Fact]
    public async Task SendAsync_Gone_SaysToRemoveTheEndpoint()
    {
        _receiver.Reply(410);

        var result = await SendAsync();

        Assert.Equal("ops-chat refused it: 410 Gone. The receiver wants no more events: remove the endpoint.", result.Reason);
    }

    [Fact]
    public async Task SendAsync_NoAnswerWithinTheTimeout_Transient()
    {
        _receiver.Delay = TimeSpan.FromSeconds(30);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        var result = await Sender(http, _receiver.Url.ToString(), Secret).SendAsync(ExampleNotices.Breached, "hook:ops-chat", default);

        Assert.Equal(new HookResult(HookOutcome.Transient, "ops-chat did not answer within 15 s."), result);
    }

    [Fact]
    public async Task SendAsync_NobodyListens_Transient()
    {
        var result = await Sender($"http://127.0.0.1:{ClosedPort.Find()}/hooks", Secret).SendAsync(ExampleNotices.Breached, "hook:ops-chat", default);

        Assert.Equal(HookOutcome.Transient, result.Outcome);
        Assert.StartsWith("Could not reach ops-chat at 127.0.0.1:", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NoEndpointByThatName_Refused()
    {
        var result = await Sender(_receiver.Url.ToString(), Secret).SendAsync(ExampleNotices.Breached, "hook:old-chat", default);

        Assert.Equal(new HookResult(HookOutcome.Refused, "No endpoint Hooks:Endpoints:old-chat is configured for 'hook:old-chat'."), result);
        Assert.Empty(_receiver.Received);
    }

    private static string Signature(string secret, HookDelivery delivery)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{delivery.Id}.{delivery.Timestamp}.{delivery.Body}")));
    }
}
