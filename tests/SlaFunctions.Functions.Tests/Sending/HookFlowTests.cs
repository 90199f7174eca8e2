using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Functions.Tests.Sweep;
using SlaFunctions.Notices.Tests.Hooks;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Standalone;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;
using SlaFunctions.Storage.Queues;
using SlaFunctions.Monitoring.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sending;

/// <summary>Outbound SLA webhooks end to end on Azurite: signed CloudEvents webhooks create LumenVox Critical cases (Mon
/// 2026-03-09 09:00 GMT: first response 1h of support time, due 10:00, warned at 75%, 09:45; resolution 24h around the
/// clock, no earlier change until its warning on Tuesday), the sweep runs on a fake clock, the notices cross the Storage
/// Queue, and the sender posts each target change to a receiver on Kestrel that checks every signature.</summary>
public sealed class HookFlowTests : IAsyncLifetime
{
    private const string Secret = "whsec_c2xhZnVuY3Rpb25zLWhvb2stc2VjcmV0LTAx";
    // A secret being retired: deliveries carry its signature too, which the receiver does not know.
    private const string OldSecret = "whsec_c2xhZnVuY3Rpb25zLWhvb2stc2VjcmV0LTAw";
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly CaseApi _api = new CaseApi(Opened).With("Sweep:RequeueAfter", "02:00:00");
    private HookReceiver _receiver = null!;
    private HttpClient _client = null!;
    private CaseEvents _events = null!;

    public async Task InitializeAsync()
    {
        _receiver = await HookReceiver.StartAsync(Secret, () => _api.Clock.GetCurrentInstant());
        _api.With("Hooks:Endpoints:ops-chat:Url", _receiver.Url.ToString())
            .With("Hooks:Endpoints:ops-chat:Secrets:0", Secret)
            .With("Hooks:Endpoints:ops-chat:Secrets:1", OldSecret)
            // Hears only of LiveOps cases, so of none here: were the filter ignored, every event would arrive twice.
            .With("Hooks:Endpoints:liveops-desk:Url", _receiver.Url.ToString())
            .With("Hooks:Endpoints:liveops-desk:Secrets:0", Secret)
            .With("Hooks:Endpoints:liveops-desk:Policies:0", "liveops");
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Add("x-api-key", CaseApi.Key);
        _events = new CaseEvents(_api, _client);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        await _receiver.DisposeAsync();
        if (Directory.Exists(_api.PickupFolder))
        {
            Directory.Delete(_api.PickupFolder, recursive: true);
        }
    }

    private CaseTables Tables => _api.Services.GetRequiredService<CaseTables>();

    // Sweeps at `now` (`sweeps` times, together or one after another), then drains the queue as the standalone
    // listener does, and returns what the receiver accepted meanwhile, ordered by when each change happened.
    private async Task<List<string>> SweepAndSendAsync(Instant now, int sweeps = 1, bool together = false)
    {
        var before = _receiver.Accepted.Count;
        _api.Clock.Reset(now);
        var sweep = _api.Services.GetRequiredService<ISweep>();
        var queue = _api.Services.GetRequiredService<StorageNoticeQueue>();
        if (together)
        {
            await Task.WhenAll(Enumerable.Range(0, sweeps).Select(_ => sweep.RunAsync(queue, new CollectedSlices(), default)));
        }
        else
        {
            for (var i = 0; i < sweeps; i++)
            {
                await sweep.RunAsync(queue, new CollectedSlices(), default);
            }
        }
        var listener = ActivatorUtilities.CreateInstance<NoticeQueueListener>(_api.Services);
        while (await listener.DrainOnceAsync(default) > 0)
        {
        }
        return [.. _receiver.Accepted.Skip(before).OrderBy(d => d.Json.GetProperty("time").GetString(), StringComparer.Ordinal).ThenBy(d => d.Change, StringComparer.Ordinal)
            .Select(d => $"{d.Json.GetProperty("subject").GetString()} {d.Change}")];
    }

    [Fact]
    public async Task Walk_RunningAtRiskBreached_EachOnceInOrder_HoweverTheSweepsRun()
    {
        await _events.OpenAsync("C-1", Opened, "critical");

        Assert.Equal(["C-1 firstResponse notStarted→running", "C-1 resolution notStarted→running"], await SweepAndSendAsync(Opened + Duration.FromMinutes(1), sweeps: 2));
        Assert.Empty(await SweepAndSendAsync(Opened + Duration.FromMinutes(44), sweeps: 2, together: true));
        Assert.Equal(["C-1 firstResponse running→atRisk"], await SweepAndSendAsync(Opened + Duration.FromMinutes(45), sweeps: 3, together: true));
        Assert.Equal(["C-1 firstResponse atRisk→breached"], await SweepAndSendAsync(Opened + Duration.FromMinutes(61), sweeps: 2));
        Assert.Empty(await SweepAndSendAsync(Opened + Duration.FromMinutes(62), sweeps: 2, together: true));

        // Every request the receiver got verified, none was refused, and each change came once under its own id.
        Assert.All(_receiver.Received, d => Assert.True(d.Verified && d.Status == 200, $"{d.Id}: {d.Status}"));
        Assert.Equal(4, _receiver.Received.Select(d => d.Id).Distinct().Count());
        Assert.Equal(4, _receiver.Received.Count);
        var breached = _receiver.Received.Single(d => d.Type == "com.slafunctions.target.breached").Json;
        Assert.Equal(("2026-03-09T10:00:00Z", "/slafunctions/cases/acme-events", "C-1"),
            (breached.GetProperty("time").GetString(), breached.GetProperty("source").GetString(), breached.GetProperty("subject").GetString()));
        var data = breached.GetProperty("data");
        Assert.Equal(("lumenvox", "1", "Critical", "2026-03-09T10:00:00Z", "Calls drop after 30 seconds", "https://desk.acme.example/cases/C-1"),
            (data.GetProperty("policyId").GetString(), data.GetProperty("severity").GetString(), data.GetProperty("severityName").GetString(),
             data.GetProperty("breachedAt").GetString(), data.GetProperty("title").GetString(), data.GetProperty("url").GetString()));
        Assert.Equal(0, await Tables.Outbox.CountAsync(default));

        // The case view lists each delivery to the endpoint beside the emails.
        var notices = JsonNode.Parse(await _client.GetStringAsync("/api/cases/acme-events/C-1"))!["notices"]!.AsArray()
            .Where(n => n!["recipient"]!.GetValue<string>() == "hook:ops-chat").ToList();
        Assert.Equal(4, notices.Count);
        Assert.All(notices, n => Assert.Equal("sent", n!["state"]!.GetValue<string>()));
        Assert.Contains(notices, n => n!["key"]!.GetValue<string>() == $"state/firstResponse/{Opened.ToUnixTimeSeconds()}/breached");
    }

    [Fact]
    public async Task Reply_BeforeTheDue_MetOnTheNextSweep()
    {
        await _events.OpenAsync("C-2", Opened, "critical");
        await SweepAndSendAsync(Opened + Duration.FromMinutes(1));

        // The reply's webhook makes the case due for a check at once, so the next minute's sweep tells of it.
        _api.Clock.Reset(Opened + Duration.FromMinutes(20));
        await _events.PostAsync("C-2", "agentReplied", Opened + Duration.FromMinutes(20));

        Assert.Equal(["C-2 firstResponse running→met", "C-2 update notStarted→running"], await SweepAndSendAsync(Opened + Duration.FromMinutes(21), sweeps: 2, together: true));
        Assert.Empty(await SweepAndSendAsync(Opened + Duration.FromMinutes(61)));
        var met = _receiver.Accepted.Single(d => d.Type == "com.slafunctions.target.met").Json.GetProperty("data");
        Assert.Equal(("2026-03-09T09:20:00Z", "2026-03-09T10:00:00Z"), (met.GetProperty("metAt").GetString(), met.GetProperty("dueAt").GetString()));
    }

    [Fact]
    public async Task MissedSweeps_OnlyTheLatestStateOfEachRun()
    {
        await _events.OpenAsync("C-3", Opened, "critical");

        // The first sweep comes at 10:30: first response went running, at risk and breached meanwhile.
        Assert.Equal(["C-3 resolution notStarted→running", "C-3 firstResponse atRisk→breached"], await SweepAndSendAsync(Opened + Duration.FromMinutes(90)));
        var noticed = (await Tables.Store.GetAsync(new CaseKey("acme-events", "C-3"), default))!.Noticed;
        Assert.Equal(4, noticed.Count(k => k.StartsWith("state/", StringComparison.Ordinal)));
        Assert.Empty(await SweepAndSendAsync(Opened + Duration.FromMinutes(91)));
    }

    // Opens a Critical case whose first delivery the receiver answers with `status`, sweeps at 09:01 (one of the two
    // starts gets through) and returns the delivery left waiting.
    private async Task<NoticeDelivery> FirstDeliveryAnsweredAsync(string caseId, int status, string? retryAfter = null)
    {
        await _events.OpenAsync(caseId, Opened, "critical");
        _receiver.Reply(status, retryAfter);
        Assert.Single(await SweepAndSendAsync(Opened + Duration.FromMinutes(1)));
        return Assert.Single(await Tables.Deliveries.OfCaseAsync(new CaseKey("acme-events", caseId), default), d => d.State == DeliveryState.Waiting);
    }

    [Fact]
    public async Task EndpointAnswers503_TheEventComesAgainAfterTheBackOff()
    {
        var waiting = await FirstDeliveryAnsweredAsync("C-4", 503);
        Assert.Equal(("hook:ops-chat", 1, Opened + Duration.FromMinutes(2)), (waiting.Recipient, waiting.Attempts, waiting.NextTryAt));

        Assert.Single(await SweepAndSendAsync(Opened + Duration.FromMinutes(2)));

        // The retry is the same event (same id and body), signed afresh at its own time.
        var refused = _receiver.Received.Single(d => d.Status == 503);
        var retried = _receiver.Received[^1];
        Assert.Equal((refused.Id, refused.Body), (retried.Id, retried.Body));
        Assert.Equal(((Opened + Duration.FromMinutes(1)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            (Opened + Duration.FromMinutes(2)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)), (refused.Timestamp, retried.Timestamp));
        Assert.All(await Tables.Deliveries.OfCaseAsync(new CaseKey("acme-events", "C-4"), default), d => Assert.Equal(DeliveryState.Sent, d.State));
    }

    [Fact]
    public async Task EndpointAsksToRetryLater_TheWaitItAskedForIsKept()
    {
        var waiting = await FirstDeliveryAnsweredAsync("C-5", 429, retryAfter: "300");
        Assert.Equal(Opened + Duration.FromMinutes(6), waiting.NextTryAt);

        Assert.Empty(await SweepAndSendAsync(Opened + Duration.FromMinutes(2)));
        Assert.Single(await SweepAndSendAsync(Opened + Duration.FromMinutes(6)));
    }

    [Fact]
    public async Task EndpointAnswers400_PoisonListedByTheApi_ThenReplayed()
    {
        await _events.OpenAsync("C-6", Opened, "critical");
        _receiver.Reply(400);

        Assert.Single(await SweepAndSendAsync(Opened + Duration.FromMinutes(1)));

        var entry = Assert.Single(JsonNode.Parse(await _client.GetStringAsync("/api/notices/poison"))!["notices"]!.AsArray())!;
        Assert.Equal("hook:ops-chat", entry["recipient"]!.GetValue<string>());
        Assert.Equal("ops-chat refused it: 400 Bad Request.", entry["reason"]!.GetValue<string>());
        var refused = _receiver.Received.Single(d => d.Status == 400);
        // Nothing more happens to it until someone replays it.
        Assert.Empty(await SweepAndSendAsync(Opened + Duration.FromMinutes(30)));
        Assert.Single(_receiver.Received, d => d.Id == refused.Id);

        using var replay = await _client.PostAsync($"/api/notices/poison/{Uri.EscapeDataString(entry["id"]!.GetValue<string>())}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        await SweepAndSendAsync(Opened + Duration.FromMinutes(31));

        Assert.Equal((refused.Id, 200), (_receiver.Received[^1].Id, _receiver.Received[^1].Status));
        Assert.Empty(JsonNode.Parse(await _client.GetStringAsync("/api/notices/poison"))!["notices"]!.AsArray());
    }

    [Fact]
    public async Task Start_BadHookSettings_StopsNamingEachKey()
    {
        await using var api = new CaseApi(Opened)
            .With("Hooks:Endpoints:chat:Url", "chat.example/hooks")
            .With("Hooks:Endpoints:chat:Secrets:0", "not-a-whsec-secret")
            .With("Hooks:Endpoints:chat:Connections:0", "acme-jira");

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("Hooks:Endpoints:chat:Url 'chat.example/hooks' is not an absolute https:// URL.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Hooks:Endpoints:chat:Secrets:0 is not whsec_", error.Message, StringComparison.Ordinal);
        Assert.Contains("Hooks:Endpoints:chat:Connections 'acme-jira' is not a configured connection", error.Message, StringComparison.Ordinal);
    }
}
