using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NodaTime;
using SlaFunctions.Functions.Tests.Cases;
using SlaFunctions.Functions.Tests.Sweep;
using SlaFunctions.Monitoring.Sending;
using SlaFunctions.Standalone;
using SlaFunctions.Storage.Queues;
using SlaFunctions.Monitoring.Sweep;
using Xunit;

namespace SlaFunctions.Functions.Tests.Sending;

/// <summary>One case per seed policy walked through a warning, a breach and an escalation, end to end on Azurite:
/// signed webhook, sweep on a fake clock, Storage Queue, sender, <c>.eml</c> files. The expected instants come from
/// each policy file's targets and escalation rules, worked out by hand in the comments.</summary>
public sealed class SeedPolicyWalkTests
{
    private const string Assignee = "bo@vendor.example";
    private const string Managers = "support-managers@vendor.example";
    private const string OnCall = "oncall@vendor.example";
    private const string AccountManager = "am-acme@vendor.example";

    /// <summary>A step: at <c>Minutes</c> after opening, optionally post an event, sweep, and expect these new emails
    /// (recipient and the word their subject carries), and no others.</summary>
    public sealed record WalkStep(int Minutes, (string To, string Word)[] Expect, string? Event = null, string? Priority = null);

    public static TheoryData<string, string, Instant, WalkStep[]> Walks() => new()
    {
        {
            // LiveOps High: first response 4h on 24x7 (75% at 12:00, due 13:00); raised to Critical at 13:30, which
            // elevates to level 2 (management and on-call).
            "liveops", "high", Instant.FromUtc(2026, 3, 9, 9, 0),
            [
                new(179, []),
                new(180, [(Assignee, "WARNING")]),
                new(240, [(Assignee, "BREACHED"), (Managers, "BREACHED")]),
                new(270, [(Managers, "ESCALATED"), (OnCall, "ESCALATED")], Event: "priorityChanged", Priority: "critical"),
            ]
        },
        {
            // LUMEDX Priority 1: opened at P1 tells account management and pages on-call at once; the account
            // management target (15 min, met by an internal note) warns the assignee at 10 min and is missed at 15.
            "lumedx", "p1", Instant.FromUtc(2026, 3, 9, 16, 0),
            [
                new(1, [(AccountManager, "ESCALATED"), (OnCall, "ESCALATED")]),
                new(10, [(Assignee, "WARNING")]),
                new(15, [(Assignee, "BREACHED"), (Managers, "BREACHED")]),
            ]
        },
        {
            // Xecuritas Severity-1: on-call paged on opening; first response 1h on 24x7 (75% at 14:45, due 15:00).
            "xecuritas", "critical", Instant.FromUtc(2026, 3, 9, 14, 0),
            [
                new(1, [(OnCall, "ESCALATED")]),
                new(45, [(Assignee, "WARNING")]),
                new(60, [(Assignee, "BREACHED"), (Managers, "BREACHED")]),
            ]
        },
        {
            // Phonism Critical opened 11:00 EDT (15:00 UTC): first response 30 min of standard hours (09-17 New York),
            // 75% at 11:22:30, due 11:30; then management every 30 min overdue, first at 12:00 EDT.
            "phonism", "critical", Instant.FromUtc(2026, 3, 9, 15, 0),
            [
                new(22, []),
                new(23, [(Assignee, "WARNING")]),
                new(30, [(Assignee, "BREACHED"), (Managers, "BREACHED")]),
                new(59, []),
                new(60, [(Managers, "ESCALATED")]),
            ]
        },
        {
            // LumenVox Critical opened Mon 09:00 GMT (support hours 08:00-01:00): critical-raised at once, 75% of the
            // 1h first response at 09:45, breach at 10:00.
            "lumenvox", "critical", Instant.FromUtc(2026, 3, 9, 9, 0),
            [
                new(1, [(Managers, "ESCALATED"), (OnCall, "ESCALATED")]),
                new(45, [(Assignee, "WARNING")]),
                new(60, [(Assignee, "BREACHED"), (Managers, "BREACHED")]),
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Walk_WarningBreachAndEscalation_EachEmailOnceAtItsTime(string policy, string priority, Instant opened, WalkStep[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var connection = policy + "-events";
        await using var api = new CaseApi(opened)
            .With($"Webhooks:Connections:{connection}:Source", "cloudevents")
            .With($"Webhooks:Connections:{connection}:Secrets:0", CaseApi.EventsSecret)
            .With($"Webhooks:Connections:{connection}:Policy", policy)
            .With($"Webhooks:Connections:{connection}:Customer", "Acme");
        using var client = api.CreateClient();
        var events = new CaseEvents(api, client, connection);
        await events.OpenAsync("W-1", opened, priority);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var step in steps)
            {
                var now = opened + Duration.FromMinutes(step.Minutes);
                api.Clock.Reset(now);
                if (step.Event is { } type)
                {
                    await events.PostAsync("W-1", type, now, new JsonObject { ["priority"] = step.Priority });
                }
                await api.Services.GetRequiredService<ISweep>().RunAsync(api.Services.GetRequiredService<StorageNoticeQueue>(), new CollectedSlices(), default);
                var listener = ActivatorUtilities.CreateInstance<NoticeQueueListener>(api.Services);
                while (await listener.DrainOnceAsync(default) > 0)
                {
                }

                var files = Directory.Exists(api.PickupFolder) ? Directory.GetFiles(api.PickupFolder, "*.eml") : [];
                var fresh = files.Where(seen.Add).Select(f => MimeMessage.Load(f)).ToList();
                var got = fresh.Select(m => (To: m.To.Mailboxes.Single().Address, Word: Word(m.Subject))).Order().ToArray();
                Assert.True(step.Expect.Order().SequenceEqual(got),
                    $"{policy} at +{step.Minutes} min: expected [{string.Join(", ", step.Expect.Order())}], got [{string.Join(", ", fresh.Select(m => $"{m.To} '{m.Subject}'"))}]");
            }
        }
        finally
        {
            if (Directory.Exists(api.PickupFolder))
            {
                Directory.Delete(api.PickupFolder, recursive: true);
            }
        }
    }

    private static readonly string[] Words = ["WARNING", "BREACHED", "ESCALATED"];

    private static string Word(string? subject) =>
        Words.FirstOrDefault(w => subject?.Contains(w + ":", StringComparison.Ordinal) is true) ?? subject ?? "";
}
