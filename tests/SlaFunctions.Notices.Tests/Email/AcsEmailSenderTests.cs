using System.Security.Cryptography;
using NodaTime;
using NodaTime.Testing;
using SlaFunctions.Notices.Email;

namespace SlaFunctions.Notices.Tests.Email;

public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(64);

    private readonly FakeClock _clock = new(ExampleNotices.At("2026-03-02T14:45:05Z"));
    private readonly HttpClient _http = new();
    private FakeAcsServer _acs = null!;

    public async Task InitializeAsync()
    {
        _acs = await FakeAcsServer.StartAsync(Key);
        _acs.Now = _clock.GetCurrentInstant();
    }

    [Fact]
    public async Task SendAsync_Accepted_BodyCarriesTheEmail()
    {
        var email = ExampleEmails.To("IT Ops <it-ops@lumenvox.example>");

        await Sender().SendAsync(email, CancellationToken.None);

        var request = Assert.Single(_acs.Received);
        Assert.Equal($"/emails:send?api-version={AcsEmailSender.ApiVersion}", request.PathAndQuery);
        Assert.Equal("sla@support.example.com", request.Body.GetProperty("senderAddress").GetString());
        var to = Assert.Single(request.Body.GetProperty("recipients").GetProperty("to").EnumerateArray());
        Assert.Equal("it-ops@lumenvox.example", to.GetProperty("address").GetString());
        Assert.Equal("IT Ops", to.GetProperty("displayName").GetString());
        var content = request.Body.GetProperty("content");
        Assert.Equal(email.Subject, content.GetProperty("subject").GetString());
        Assert.Equal(email.Text, content.GetProperty("plainText").GetString());
        Assert.Equal(email.Html, content.GetProperty("html").GetString());
        Assert.True(request.Body.GetProperty("userEngagementTrackingDisabled").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_RetriedMessage_SameOperationId()
    {
        var email = ExampleEmails.To("it-ops@lumenvox.example");
        _acs.Reply(503);

        await Assert.ThrowsAsync<EmailTransientException>(() => Sender().SendAsync(email, CancellationToken.None));
        _clock.Advance(Duration.FromMinutes(2));
        _acs.Now = _clock.GetCurrentInstant();
        await Sender().SendAsync(email, CancellationToken.None);
        await Sender().SendAsync(ExampleEmails.To("cto@lumenvox.example"), CancellationToken.None);

        var ids = _acs.Received.Select(r => r.OperationId).ToList();
        Assert.Equal(3, ids.Count);
        Assert.True(Guid.TryParse(ids[0], out var first));
        Assert.Equal(AcsEmailSender.OperationIdFor(email), first);
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
    }

    [Theory]
    [InlineData("30", 30)] // seconds
    [InlineData("0", 0)]
    public async Task SendAsync_Throttled_TransientWithRetryAfter(string retryAfter, int seconds)
    {
        _acs.Reply(429, retryAfter, """{"error":{"code":"TooManyRequests","message":"Rate limit exceeded."}}""");

        var error = await Assert.ThrowsAsync<EmailTransientException>(() => Sender().SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(seconds), error.RetryAfter);
        Assert.Contains("Rate limit exceeded.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)] // a gateway in front of the service
    [InlineData(503)]
    [InlineData(408)]
    public async Task SendAsync_ServerError_TransientWithoutRetryAfter(int status)
    {
        _acs.Reply(status, body: "<html>upstream trouble</html>");

        var error = await Assert.ThrowsAsync<EmailTransientException>(() => Sender().SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));

        Assert.Null(error.RetryAfter);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BadRequest_RejectedWithServiceMessage()
    {
        _acs.Reply(400, body: """{"error":{"code":"InvalidSenderUserName","message":"The sender address is not from a domain linked to this resource."}}""");

        var error = await Assert.ThrowsAsync<EmailRejectedException>(() => Sender().SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Contains("InvalidSenderUserName The sender address is not from a domain linked to this resource.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WrongKey_Rejected()
    {
        var sender = new AcsEmailSender(_http, _acs.Endpoint, Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)), _clock);

        var error = await Assert.ThrowsAsync<EmailRejectedException>(() => sender.SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("The signature does not match.", error.Message, StringComparison.Ordinal);
        Assert.Empty(_acs.Received);
    }

    [Fact]
    public async Task SendAsync_ClockSkewed_RejectedAsAcsWould()
    {
        _acs.Now = _clock.GetCurrentInstant() + Duration.FromMinutes(20);

        var error = await Assert.ThrowsAsync<EmailRejectedException>(() => Sender().SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));

        Assert.Contains("x-ms-date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_EndpointWithTrailingSlash_SignsOneSlash()
    {
        var sender = new AcsEmailSender(_http, new Uri(_acs.Endpoint, "/"), Convert.ToBase64String(Key), _clock);

        await sender.SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None);

        Assert.Single(_acs.Received);
    }

    [Fact]
    public async Task SendAsync_EntraToken_SentAsBearerForCommunicationScope()
    {
        await using var acs = await FakeAcsServer.StartAsync(token: "entra-token");
        var credential = new FixedTokenCredential("entra-token");

        await new AcsEmailSender(_http, acs.Endpoint, credential).SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None);

        Assert.Single(acs.Received);
        Assert.Equal("https://communication.azure.com/.default", Assert.Single(credential.Scopes));
    }

    [Fact]
    public async Task SendAsync_NobodyListening_Transient()
    {
        var sender = new AcsEmailSender(_http, new Uri($"http://127.0.0.1:{ClosedPort.Find()}"), Convert.ToBase64String(Key), _clock);

        await Assert.ThrowsAsync<EmailTransientException>(() => sender.SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));
    }

    [Fact]
    public async Task SendAsync_Timeout_Transient()
    {
        _acs.Delay = TimeSpan.FromSeconds(30);
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAsync<EmailTransientException>(() => new AcsEmailSender(http, _acs.Endpoint, Convert.ToBase64String(Key), _clock).SendAsync(ExampleEmails.To("it-ops@lumenvox.example"), CancellationToken.None));
    }

    private AcsEmailSender Sender() => new(_http, _acs.Endpoint, Convert.ToBase64String(Key), _clock);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _acs.DisposeAsync();
    }
}
