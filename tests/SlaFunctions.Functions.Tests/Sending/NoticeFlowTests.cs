using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Functions.Tests.Sweep;
using SlaFunctions.Notices;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Standalone;
using SlaFunctions.Storage;
using SlaFunctions.Storage.Cases;
using SlaFunctions.Storage.Notices;
using SlaFunctions.Storage.Queues;
using SlaFunctions.Monitoring.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sending;

/// <summary>End to end on Azurite: signed webhooks create a LumenVox Critical case (Mon 2026-03-09 09:00 GMT, first
/// response due 10:00), the sweep runs on a fake clock, notices cross the Storage Queue, and the sender writes
/// <c>.eml</c> files to the pickup folder.</summary>
public sealed partial class NoticeFlowTests : IAsyncLifetime
{
    private static readonly Instant Opened = Instant.FromUtc(2026, 3, 9, 9, 0);
    private readonly CaseApi _api;
    private HttpClient _client = null!;
    private CaseEvents _events = null!;

    public NoticeFlowTests()
    {
        // The assignee works 09:00-17:00 in New York (EDT since 8 March: 13:00-21:00 UTC).
        _api = new CaseApi(Opened)
            .With("Notices:WorkingHours:assignee:TimeZone", "America/New_York")
            .With("Notices:WorkingHours:assignee:Hours", "09:00-17:00")
            // Who hears in the assignee's place while nobody is assigned (NoticeFlowTests.Unassigned.cs).
            .With("Notices:Unassigned:lumenvox:0", "supportManagement")
            .With("Notices:Unassigned:lumenvox:1", "triage@vendor.example")
            .With("Notices:Unassigned:*:0", "nobody-else@vendor.example");
    }

    public Task InitializeAsync()
    {
        _client = _api.CreateClient();
        _client.DefaultRequestHeaders.Add("x-api-key", CaseApi.Key);
        _events = new CaseEvents(_api, _client);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _api.DisposeAsync();
        if (Directory.Exists(_api.PickupFolder))
        {
            Directory.Delete(_api.PickupFolder, recursive: true);
        }
    }

    private CaseTables Tables => _api.Services.GetRequiredService<CaseTables>();

    // One sweep at `now`, then the queue drained by the standalone listener, as the app's timer and listener would.
    private async Task SweepAndSendAsync(Instant now)
    {
        _api.Clock.Reset(now);
        await _api.Services.GetRequiredService<ISweep>().RunAsync(_api.Services.GetRequiredService<StorageNoticeQueue>(), new CollectedSlices(), default);
        var listener = ActivatorUtilities.CreateInstance<NoticeQueueListener>(_api.Services);
        while (await listener.DrainOnceAsync(default) > 0)
        {
        }
    }

    private List<MimeMessage> Emails() => !Directory.Exists(_api.PickupFolder) ? [] :
        [.. Directory.GetFiles(_api.PickupFolder, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    private List<(string To, string Subject)> Mail() =>
        [.. Emails().Select(m => (To: m.To.Mailboxes.Single().Address, Subject: m.Subject ?? "")).OrderBy(m => m.Subject, StringComparer.Ordinal).ThenBy(m => m.To, StringComparer.Ordinal)];

    [Fact]
    public async Task Critical_WarningHeldForTheAssigneesHours_BreachGoesOutAtOnceAndTheOvertakenWarningIsDropped()
    {
        await _events.OpenAsync("C-1", Opened, "critical");

        await SweepAndSendAsync(Opened + Duration.FromMinutes(1));
        Assert.Equal(
            [("oncall@vendor.example", "[Critical] ESCALATED: Case opened at Critical – C-1 Calls drop after 30 seconds"),
             ("support-managers@vendor.example", "[Critical] ESCALATED: Case opened at Critical – C-1 Calls drop after 30 seconds")],
            Mail());

        // 09:45 GMT is 05:45 in New York: the warning to the assignee waits for 09:00 EDT (13:00 UTC).
        await SweepAndSendAsync(Opened + Duration.FromMinutes(45));
        Assert.Equal(2, Emails().Count);
        var held = (await Tables.Deliveries.OfCaseAsync(new CaseKey("acme-events", "C-1"), default)).Single(d => d.Kind == "warning");
        Assert.Equal((DeliveryState.Held, Instant.FromUtc(2026, 3, 9, 13, 0)), (held.State, held.NextTryAt));

        // The breach of a Critical case goes out at once, in the night or not.
        await SweepAndSendAsync(Opened + Duration.FromMinutes(61));
        var breaches = Mail().Where(m => m.Subject.Contains("BREACHED:", StringComparison.Ordinal)).Select(m => m.To).ToList();
        Assert.Equal(["bo@vendor.example", "support-managers@vendor.example"], breaches);

        // At 09:00 EDT the held warning is judged again: its target breached at 10:00 GMT, so "due in 15 min" would be
        // false beside the breach email. It is dropped, not sent.
        await SweepAndSendAsync(Instant.FromUtc(2026, 3, 9, 13, 0));
        Assert.DoesNotContain(Mail(), m => m.Subject.Contains("WARNING:", StringComparison.Ordinal));

        // Nothing more comes, and nothing is left in flight.
        await SweepAndSendAsync(Instant.FromUtc(2026, 3, 9, 13, 30));
        Assert.Equal(4, Emails().Count);
        Assert.Equal(0, await Tables.Outbox.CountAsync(default));
    }

    [Fact]
    public async Task Major_WarningHeldForTheAssigneesHours_SentWithTheTimeLeftAtSending()
    {
        // Major opened 09:30 GMT: first response due 13:30 (4 support hours), warned at 75% (12:30 GMT, 08:30 in New
        // York), held until the assignee's 09:00 EDT (13:00 UTC), when 30 of the 60 minutes are left.
        _api.Clock.Reset(Opened + Duration.FromMinutes(30));
        await _events.OpenAsync("M-1", Opened + Duration.FromMinutes(30), "major");

        await SweepAndSendAsync(Instant.FromUtc(2026, 3, 9, 12, 31));
        Assert.DoesNotContain(Mail(), m => m.Subject.Contains("WARNING:", StringComparison.Ordinal));

        await SweepAndSendAsync(Instant.FromUtc(2026, 3, 9, 13, 0));
        var warning = Emails().Single(m => m.Subject?.Contains("WARNING:", StringComparison.Ordinal) is true);
        Assert.Equal("bo@vendor.example", warning.To.Mailboxes.Single().Address);
        Assert.Contains("due in 30 min", warning.Subject, StringComparison.Ordinal);
        Assert.Contains("Time left:  30 min", warning.TextBody, StringComparison.Ordinal);
        // Due 13:30 GMT: 09:30 in New York, shown with UTC; and it says it went out late, and when the point was.
        Assert.Contains("Mon 9 Mar 2026, 09:30 EDT (America/New_York)", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains("Mon 9 Mar 2026, 13:30 UTC", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains("30 min after it came due (Mon 9 Mar 2026, 08:30 EDT (America/New_York))", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://desk.acme.example/cases/M-1", warning.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Critical_BreachSentLate_SaysHowLateAtSending()
    {
        // The sweep that finds the 10:00 breach runs 31 minutes late.
        await _events.OpenAsync("C-4", Opened, "critical");

        await SweepAndSendAsync(Opened + Duration.FromMinutes(91));

        var breach = Emails().First(m => m.Subject?.Contains("BREACHED:", StringComparison.Ordinal) is true);
        Assert.Contains("31 min late", breach.Subject, StringComparison.Ordinal);
        Assert.Contains("Late by:    31 min", breach.TextBody, StringComparison.Ordinal);
        Assert.Contains("The times above are as of sending.", breach.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameNoticeQueuedTwice_EachRecipientGetsOneEmail()
    {
        await _events.OpenAsync("C-2", Opened, "critical");
        _api.Clock.Reset(Opened + Duration.FromMinutes(1));
        var queue = new CollectedNotices();
        await _api.Services.GetRequiredService<ISweep>().RunAsync(queue, new CollectedSlices(), default);
        var notice = Assert.Single(queue.All);
        var inbox = _api.Services.GetRequiredService<INoticeInbox>();

        await Task.WhenAll(Enumerable.Range(1, 4).Select(i => inbox.ReceiveAsync(NoticeJson.ToBytes(notice), i, default)));

        Assert.Equal(2, Emails().Count);
    }

    [Fact]
    public async Task SenderDiesAfterSendingBeforeRecording_TheRedeliveryWritesNoSecondEmail()
    {
        await _events.OpenAsync("C-3", Opened, "critical");
        _api.Clock.Reset(Opened + Duration.FromMinutes(1));
        var queue = new CollectedNotices();
        await _api.Services.GetRequiredService<ISweep>().RunAsync(queue, new CollectedSlices(), default);
        var notice = Assert.Single(queue.All);
        var inbox = _api.Services.GetRequiredService<INoticeInbox>();
        await inbox.ReceiveAsync(NoticeJson.ToBytes(notice), 1, default);
        // Rewind the record to what a sender that died after sending leaves: a claim still "sending".
        var key = new CaseKey("acme-events", "C-3");
        foreach (var address in new[] { "oncall@vendor.example", "support-managers@vendor.example" })
        {
            await Tables.Deliveries.MarkWaitingAsync(key, notice.Key, address, DeliveryState.Sending, 0, Opened, null, default);
        }
        var claimed = await Tables.Deliveries.ClaimAsync(key, notice.Key, "oncall@vendor.example", new NoticeDelivery { PointKey = notice.Key, Recipient = "", State = DeliveryState.Sending }, Opened + Duration.FromMinutes(1), Duration.FromMinutes(2), default);
        Assert.Equal(ClaimOutcome.Busy, claimed.Outcome);

        // After the claim's lease, the redelivered message sends again with the same id: the pickup folder keeps one.
        _api.Clock.Reset(Opened + Duration.FromMinutes(10));
        await inbox.ReceiveAsync(NoticeJson.ToBytes(notice), 2, default);

        Assert.Equal(2, Emails().Count);
        Assert.All(await Tables.Deliveries.OfCaseAsync(key, default), d => Assert.Equal(DeliveryState.Sent, d.State));
    }

    [Fact]
    public async Task UnreadableMessage_IsPoisonAndTheApiShowsIt()
    {
        var inbox = _api.Services.GetRequiredService<INoticeInbox>();

        await inbox.ReceiveAsync("{\"version\": 9, \"id\": \"x\"}"u8.ToArray(), 1, default);

        var list = JsonNode.Parse(await _client.GetStringAsync("/api/notices/poison"))!["notices"]!.AsArray();
        var entry = Assert.Single(list);
        Assert.StartsWith("Not a notice", entry!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        using var replay = await _client.PostAsync($"/api/notices/poison/{Uri.EscapeDataString(entry["id"]!.GetValue<string>())}/replay", null);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
    }
}
