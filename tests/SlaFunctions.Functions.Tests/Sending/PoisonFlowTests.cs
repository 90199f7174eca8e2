using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Functions.Tests.Sweep;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Standalone;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;
using SlaFunctions.Storage.Queues;
using SlaFunctions.Monitoring.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sending;

/// <summary>A mail server that never answers: SMTP to a port nobody listens on. Each failure waits in the outbox (one
/// minute, then two), the third makes the notice poison (on-call and management are one address here, so one recipient), the API lists it, and a replay sends it again.</summary>
public sealed class PoisonFlowTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly CaseApi _api = new CaseApi(Opened)
        .With("Email:Transport", "smtp")
        .With("Email:Smtp:Host", "127.0.0.1")
        .With("Email:Smtp:Port", ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Email:Smtp:Security", "None")
        .With("Notices:MaxAttempts", "3")
        .With("Notices:OnCall:0", "support-managers@vendor.example")
        .With("Notices:SupportManagement:0", "support-managers@vendor.example");
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Add("x-api-key", CaseApi.Key);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
    }

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task SweepAndSendAsync(Instant now)
    {
        _api.Clock.Reset(now);
        await _api.Services.GetRequiredService<ISweep>().RunAsync(_api.Services.GetRequiredService<StorageNoticeQueue>(), new CollectedSlices(), default);
        var listener = ActivatorUtilities.CreateInstance<NoticeQueueListener>(_api.Services);
        while (await listener.DrainOnceAsync(default) > 0)
        {
        }
    }

    [Fact]
    public async Task MailServerDown_RetriedWithBackOff_ThenPoison_ThenReplayed()
    {
        await new CaseEvents(_api, _client).OpenAsync("C-9", Opened, "critical");
        var key = new CaseKey("acme-events", "C-9");
        var tables = _api.Services.GetRequiredService<CaseTables>();

        await SweepAndSendAsync(Opened + Duration.FromMinutes(1));
        var first = Assert.Single(await tables.Deliveries.OfCaseAsync(key, default));
        Assert.Equal((DeliveryState.Waiting, 1, Opened + Duration.FromMinutes(2)), (first.State, first.Attempts, first.NextTryAt));

        await SweepAndSendAsync(Opened + Duration.FromMinutes(2));
        var second = Assert.Single(await tables.Deliveries.OfCaseAsync(key, default));
        Assert.Equal((DeliveryState.Waiting, 2, Opened + Duration.FromMinutes(4)), (second.State, second.Attempts, second.NextTryAt));

        await SweepAndSendAsync(Opened + Duration.FromMinutes(4));
        var third = Assert.Single(await tables.Deliveries.OfCaseAsync(key, default));
        Assert.Equal((DeliveryState.Poison, 3), (third.State, third.Attempts));
        Assert.Equal(0, await tables.Outbox.CountAsync(default));

        var list = JsonNode.Parse(await _client.GetStringAsync("/api/notices/poison"))!["notices"]!.AsArray();
        var entry = Assert.Single(list)!;
        Assert.Equal("support-managers@vendor.example", entry["recipient"]!.GetValue<string>());
        Assert.StartsWith("Failed 3 times", entry["reason"]!.GetValue<string>(), StringComparison.Ordinal);

        // Nothing more happens to a poison notice until someone replays it.
        await SweepAndSendAsync(Opened + Duration.FromMinutes(30));
        Assert.Equal(3, Assert.Single(await tables.Deliveries.OfCaseAsync(key, default)).Attempts);

        using var replay = await _client.PostAsync($"/api/notices/poison/{Uri.EscapeDataString(entry["id"]!.GetValue<string>())}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.Empty(JsonNode.Parse(await _client.GetStringAsync("/api/notices/poison"))!["notices"]!.AsArray());
        await SweepAndSendAsync(Opened + Duration.FromMinutes(31));
        var replayed = Assert.Single(await tables.Deliveries.OfCaseAsync(key, default));
        Assert.Equal((DeliveryState.Waiting, 1), (replayed.State, replayed.Attempts));
    }
}
